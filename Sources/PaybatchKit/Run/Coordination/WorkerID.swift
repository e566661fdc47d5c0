import Foundation

/// One paybatch process taking part in a shared export run (issue 22): its host, its pid and a
/// random suffix, so that a pid reused on a restarted host (a container's pid 1, typically)
/// never passes for the worker that held it before.
public struct WorkerID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `host:pid:suffix`, the suffix 8 hex digits from `random`.
    public init(host: String, pid: Int32, random: inout some RandomNumberGenerator) {
        let suffix = String(UInt32.random(in: 0...UInt32.max, using: &random), radix: 16)
        self.init("\(host):\(pid):\(String(repeating: "0", count: 8 - suffix.count))\(suffix)")
    }

    /// This process on this host.
    public static func current() -> WorkerID {
        var random = SystemRandomNumberGenerator()
        return WorkerID(host: LockOwner.localHost, pid: getpid(), random: &random)
    }

    /// The host part, shown by `status`.
    public var host: String { String(rawValue.split(separator: ":").first ?? "") }
}
