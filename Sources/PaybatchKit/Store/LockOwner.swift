import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds (or held) the store lock: written into `<db>.lock` so a second run can say who is
/// in the way, and whether a lock left behind belongs to a process that is gone.
public struct LockOwner: Sendable, Equatable {
    public var pid: Int32
    public var host: String
    public var startedAt: Date

    public init(pid: Int32, host: String, startedAt: Date) {
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
    }

    /// This process, started at `startedAt` (the command's start time).
    public static func current(startedAt: Date) -> LockOwner {
        LockOwner(pid: getpid(), host: localHost, startedAt: startedAt)
    }

    public static var localHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The lock file's content: three `key=value` lines.
    public var fileText: String {
        "pid=\(pid)\nhost=\(host)\nstarted_at=\(StoreTimestamp.text(startedAt))\n"
    }

    /// Parses `fileText`; nil for an empty or foreign file.
    public init?(fileText: String) {
        var fields: [Substring: Substring] = [:]
        for line in fileText.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        guard let pidText = fields["pid"], let pid = Int32(pidText), let host = fields["host"],
            let started = fields["started_at"].flatMap({ StoreTimestamp.date(String($0)) })
        else { return nil }
        self.init(pid: pid, host: String(host), startedAt: started)
    }

    /// Whether the process is known to be gone: only decidable on this host (kill(pid, 0)).
    public var isDeadOnThisHost: Bool {
        host == Self.localHost && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// `pid 4242 on host build-1, started 2026-11-29T08:54:14.000Z`.
    public var summary: String {
        "pid \(pid) on host \(host), started \(StoreTimestamp.text(startedAt))"
    }
}
