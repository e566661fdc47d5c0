import Foundation

extension LockOwner {
    /// The `application_name` of the connection that holds a PostgreSQL store's advisory lock:
    /// where another process finds who holds it (`pg_stat_activity`), as the lock file's content
    /// is on SQLite. PostgreSQL keeps 63 bytes of it, so the host goes last: only it can be cut.
    public var applicationName: String {
        let millis = Int64((startedAt.timeIntervalSince1970 * 1000).rounded())
        return String(decoding: "paybatch:\(pid):\(millis):\(host)".utf8.prefix(63), as: UTF8.self)
    }

    /// Parses `applicationName`; nil for another program's connection.
    public init?(applicationName: String) {
        let fields = applicationName.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "paybatch", let pid = Int32(fields[1]),
            let millis = Int64(fields[2])
        else { return nil }
        self.init(
            pid: pid, host: String(fields[3]),
            startedAt: Date(timeIntervalSince1970: TimeInterval(millis) / 1000))
    }
}
