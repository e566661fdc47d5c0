import Foundation

@testable import PaybatchKit

/// What a connection's data came to, as far as rendering tells: every field of `ConnectionFacts`.
struct ComparableFacts: Equatable {
    var introspection: String
    var directoryCount: Int
    var payments: [String]
    var statementResults: [PaymentID: PayStatementsStatus]
    var status: ExportStatus
    var errors: [FinchFailure]
    var notes: DataNotes
    var message: String?
    var stoppedEarly: Bool

    init(_ data: ConnectionFacts) {
        let introspection = data.introspection
        self.introspection = [
            introspection?.connectionID, introspection?.companyID, introspection?.providerID,
            introspection?.connectionStatus?.status?.rawValue,
            introspection?.products.map { $0.present.joined(separator: ",") },
        ].map { $0 ?? "∅" }.joined(separator: "|")
        directoryCount = data.directoryCount
        payments = data.payments.map { "\($0.id ?? "∅")@\($0.payDate ?? "∅")" }
        statementResults = data.statementResults
        status = data.status
        errors = data.errors
        notes = data.notes
        message = data.message
        stoppedEarly = data.stoppedEarly
    }
}

extension StoredRunWorld.Outcome {
    /// Every way the renderings of a connection disagree, a line each (empty when they agree): the
    /// reader against the connection's fetch where that ended on a stored answer (else the reader
    /// has nothing), a reused run's reading against the reader.
    func mismatches() -> [String] {
        var found: [String] = []
        for connection in connections {
            let name = "connection \(connection.index) (\(connection.id))"
            let read = readRows[connection.index] ?? []
            func compare(
                _ label: String, _ other: StoredRunWorld.Rendered?, rows: [SpooledRow]
            ) {
                switch (connection.read, other) {
                case (nil, nil): break
                case (let mine?, let theirs?):
                    if ComparableFacts(mine.data) != ComparableFacts(theirs.data) {
                        found.append(
                            "\(name): data read \(ComparableFacts(mine.data)), \(label) \(ComparableFacts(theirs.data))"
                        )
                    }
                    if mine.rows != theirs.rows {
                        found.append("\(name): rows' summary read \(mine.rows), \(label) \(theirs.rows)")
                    }
                case (let mine, _):
                    found.append(
                        "\(name): read \(mine == nil ? "nothing" : "rows"), \(label) \(other == nil ? "nothing" : "rows")"
                    )
                }
                if let difference = Self.firstDifference(read, rows) {
                    found.append("\(name): spooled rows read and \(label) differ: \(difference)")
                }
            }
            if let (invocation, fetched) = connection.expected {
                compare("fetched", fetched, rows: liveRows[invocation][connection.index] ?? [])
            } else if connection.read != nil {
                found.append("\(name): read rows, though its fetch stopped at an answer the store lacks")
            }
            if case .some(let reused) = connection.reused {
                compare("reused", reused, rows: reusedRows[connection.index] ?? [])
            }
        }
        return found
    }

    /// Where two connections' spooled rows first differ, or nil when they are the same.
    static func firstDifference(_ mine: [SpooledRow], _ theirs: [SpooledRow]) -> String? {
        for (position, (a, b)) in zip(mine, theirs).enumerated() where a != b {
            return "row \(position): \(a) against \(b)"
        }
        guard mine.count != theirs.count else { return nil }
        return "\(mine.count) rows against \(theirs.count)"
    }
}
