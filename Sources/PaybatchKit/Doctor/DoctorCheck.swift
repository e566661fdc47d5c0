/// One finding of `paybatch doctor`: what was checked, what was found, and the fix when it failed.
public struct DoctorCheck: Sendable, Equatable {
    public var name: String
    /// Nil when the check passed; else the exit code SPEC §2 gives that failure.
    public var failure: ExitStatus?
    public var detail: String
    public var fix: String?

    public static func passed(_ name: String, _ detail: String) -> DoctorCheck {
        DoctorCheck(name: name, failure: nil, detail: detail, fix: nil)
    }

    public static func failed(_ name: String, _ failure: any PaybatchFailure) -> DoctorCheck {
        DoctorCheck(name: name, failure: failure.exitStatus, detail: failure.message, fix: failure.remedy)
    }

    /// One plain line, and the fix on the next when there is one.
    public var lines: [String] {
        var lines = ["\(failure == nil ? "ok  " : "FAIL") \(name): \(detail)"]
        if let fix { lines.append("     fix: \(fix)") }
        return lines
    }
}
