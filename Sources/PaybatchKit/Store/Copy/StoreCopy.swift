import Foundation

/// `paybatch store copy --to TARGET` (issue 22): every row of one store into an empty other one,
/// SQLite to PostgreSQL or back. Rows keep their ids and orders and ciphertexts are copied as
/// stored — each one's associated data names its row by its natural key, so it opens in the
/// other backend unchanged and the database never sees a plaintext. Checked before it is
/// trusted: every table's count against the source's, then every secret and stored answer
/// decrypted through the target.
public enum StoreCopy {
    /// What a copy moved and checked, for the command to print.
    public struct Report: Sendable, Equatable {
        /// Rows per table, in `StoreTable.all`'s order.
        public var rows: [(table: String, count: Int)]
        /// Secrets and stored answers decrypted through the target.
        public var opened: Int

        public static func == (a: Report, b: Report) -> Bool {
            a.opened == b.opened && a.rows.elementsEqual(b.rows) { $0 == $1 }
        }
    }

    public typealias Source = any PaybatchStore
    public typealias Target = any PaybatchStore

    /// Copies `source` into `target`, which must hold no rows (73 otherwise) and be at the same
    /// schema version (65). The source must not change meanwhile: the command holds its lock.
    public static func run(from source: Source, to target: Target, pageSize: Int = 500) async throws -> Report
    {
        guard try await target.holdsNoRows() else {
            throw RunStop(
                .cannotCreate,
                "\(target.place) already holds a paybatch store; store copy never writes into one.",
                remedy:
                    "Copy into a new SQLite file or an empty PostgreSQL database (or drop its `paybatch` schema first)."
            )
        }
        let (from, to) = (try await source.schemaVersion(), try await target.schemaVersion())
        guard from == to else {
            throw RunStop(
                .dataError,
                "\(source.place) is at schema version \(from) and \(target.place) at \(to); a copy needs both at one.",
                remedy:
                    "Run a command that writes the older store (such as `paybatch roster refresh`) to migrate it."
            )
        }
        let copied = try await target.load(from: source, pageSize: max(1, pageSize))
        var rows: [(table: String, count: Int)] = []
        for table in StoreTable.all {
            let (expected, count) = (
                try await source.rowCount(of: table), try await target.rowCount(of: table)
            )
            guard expected == count, copied[table.name, default: 0] == count else {
                throw mismatch(
                    "\(table.name) has \(expected) row(s) in \(source.place) but \(count) in \(target.place)",
                    target: target)
            }
            rows.append((table.name, count))
        }
        return Report(rows: rows, opened: try await openEveryCiphertext(in: target))
    }

    /// Decrypts every token, the client secret and every stored answer through `target`, one at
    /// a time (never all in memory); returns how many it opened.
    private static func openEveryCiphertext(in target: Target) async throws -> Int {
        try await target.verifyKeys()
        var opened = 0
        for connection in try await target.connections(includingDisconnected: true) {
            _ = try await target.decryptAccessToken(for: connection.connectionID)
            opened += 1
        }
        if try await target.clientSecret() != nil { opened += 1 }
        for run in try await target.allRuns() {
            for info in try await target.responses(
                runID: run.runID, connection: nil, endpoint: nil, entity: nil)
            {
                guard
                    try await target.responseBody(
                        runID: info.runID, connection: info.connectionID, requestKey: info.requestKey) != nil
                else {
                    throw mismatch(
                        "the stored answer \(info.secretRowID) has no body in the copy", target: target)
                }
                opened += 1
            }
        }
        return opened
    }

    private static func mismatch(_ what: String, target: Target) -> RunStop {
        RunStop(
            .software, "The copy does not match its source: \(what).",
            remedy:
                "Do not use \(target.place); remove it (a PostgreSQL target: DROP SCHEMA paybatch CASCADE) and copy again. The source is unchanged."
        )
    }
}

extension StoreCopy.Report {
    /// What `paybatch store copy` prints: the rows per table, the ciphertexts opened, and the
    /// step that makes the copy the store.
    public func lines(from source: String, to target: String) -> [String] {
        let width = rows.map(\.table.count).max() ?? 0
        var lines = ["Copied \(source) to \(target):"]
        for (table, count) in rows {
            lines.append("  \(table.padding(toLength: width, withPad: " ", startingAt: 0))  \(count) row(s)")
        }
        lines.append(
            "Opened \(opened) ciphertext(s) through the copy with the same keys; the source is unchanged.")
        lines.append("Next: point --db / PAYBATCH_DB (or db in paybatch.toml) at \(target) to use the copy.")
        return lines
    }
}
