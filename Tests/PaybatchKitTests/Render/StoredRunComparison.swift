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

    /// `errorsInAnyOrder`: of a fetch that asked for the organization first, whose errors come in
    /// that order, where the reading's come payroll first.
    init(_ data: ConnectionFacts, errorsInAnyOrder: Bool = false) {
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
        errors = errorsInAnyOrder ? data.errors.sorted { "\($0)" < "\($1)" } : data.errors
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
                    let inAnyOrder = label == "fetched" && connection.organizationFirst
                    if ComparableFacts(mine.data, errorsInAnyOrder: inAnyOrder)
                        != ComparableFacts(theirs.data, errorsInAnyOrder: inAnyOrder)
                    {
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
                // Rows keep their order in each report whatever the fetch's; their sequence numbers,
                // counted across reports, follow the order the parts were read in.
                let (read, rows) =
                    label == "fetched" && connection.organizationFirst
                    ? (Self.unnumbered(read), Self.unnumbered(rows)) : (read, rows)
                if let difference = Self.firstDifference(read, rows) {
                    found.append("\(name): spooled rows read and \(label) differ: \(difference)")
                }
            }
            if connection.stoppedOutOfOrder {
                // Nothing to compare the reading with but a reading of the reused copy (below).
            } else if let (invocation, fetched) = connection.expected {
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

    static func unnumbered(_ rows: [SpooledRow]) -> [SpooledRow] {
        rows.map {
            var row = $0
            row.sequence = 0
            return row
        }
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
