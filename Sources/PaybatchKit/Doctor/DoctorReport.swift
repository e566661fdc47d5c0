/// What doctor found in all; it exits with the code of the first failed check.
public struct DoctorReport: Sendable {
    public var checks: [DoctorCheck]
    public var exitStatus: ExitStatus { checks.lazy.compactMap(\.failure).first ?? .ok }
    public var lines: [String] { checks.flatMap(\.lines) }
}
