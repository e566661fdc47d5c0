import Foundation

// The stored forms of records that every backend keeps alike (issue 22): one encoder and one
// reader each, so a store copied between SQLite and PostgreSQL reads back the same records.

extension ConnectionDetails {
    /// `products` as the JSON text the store keeps.
    var productsJSON: String { Self.json(products) }
    /// `entities` as the JSON text the store keeps.
    var entitiesJSON: String { Self.json(entities) }

    /// Products read back from their stored JSON; none when absent or unreadable.
    static func products(fromJSON text: String?) -> [String] {
        text.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }

    /// Entities read back from their stored JSON; none when absent or unreadable.
    static func entities(fromJSON text: String?) -> [ConnectionEntity] {
        text.flatMap { try? JSONDecoder().decode([ConnectionEntity].self, from: Data($0.utf8)) } ?? []
    }

    private static func json(_ value: some Encodable) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}

extension ConnectionRecord {
    /// Whether a disconnect by `source` leaves the recorded one as it is: it was already
    /// disconnected by a source that ranks as high (SPEC §8: `roster disconnect`, then the
    /// Dashboard, then an estimate).
    func keepsDisconnect(against source: ConnectionEventSource, estimated: Bool) -> Bool {
        guard disconnectedAt != nil else { return false }
        return Self.disconnectRank(source, estimated)
            >= Self.disconnectRank(disconnectSource, disconnectTimeEstimated)
    }

    private static func disconnectRank(_ source: ConnectionEventSource?, _ estimated: Bool) -> Int {
        if estimated { return 2 }
        if source == .disconnect { return 0 }
        return 1
    }
}

extension RunConnectionRecord {
    /// The JSON text the store keeps in `run_connections.outcome`.
    func storedJSON() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }

    /// A record read back from its stored JSON; nil when unreadable (it is then left out).
    init?(storedJSON text: String) {
        guard let record = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else { return nil }
        self = record
    }
}

extension PeriodTotalsRecord {
    /// One stored row of `period_totals`: a connection (and entity, '' for none) in one currency
    /// ('' for none).
    struct StoredRow {
        var connection: String
        var status: String
        var people: Int
        var payments: Int
        var statements: Int
        var currency: String
        var gross: Cents?
        var net: Cents?
        var entity: String
    }

    /// The money rows a record is stored as: a connection without any payment is kept as one
    /// row without currency or money.
    var storedMoney: [Money] { money.isEmpty ? [Money(currency: nil, gross: nil, net: nil)] : money }

    /// Records rebuilt from stored rows ordered by connection, entity and currency.
    static func records(fromStored rows: [StoredRow]) -> [PeriodTotalsRecord] {
        var records: [PeriodTotalsRecord] = []
        for row in rows {
            let money = Money(
                currency: row.currency.isEmpty ? nil : row.currency, gross: row.gross, net: row.net)
            if let last = records.last, last.unit == [row.connection, row.entity] {
                records[records.count - 1].money.append(money)
                continue
            }
            records.append(
                PeriodTotalsRecord(
                    connectionID: ConnectionID(row.connection),
                    exportStatus: ExportStatus(rawValue: row.status) ?? .failed,
                    individuals: row.people, payments: row.payments, payStatements: row.statements,
                    money: [money], entityID: row.entity.isEmpty ? nil : EntityID(row.entity)))
        }
        for i in records.indices
        where records[i].money.allSatisfy({ $0.currency == nil && $0.gross == nil && $0.net == nil }) {
            records[i].money = []
        }
        return records
    }
}

extension Period {
    /// What a stored run's unreadable period reads as (paybatch writes only valid ones).
    static var epoch: Period { Period(year: 1970, month: 1)! }
}
