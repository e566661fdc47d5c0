import Foundation

/// Reads Finch Dashboard's connections export through its profile (`--connections FILE`).
public struct DashboardExportReader {
    public var profile: ColumnProfile<DashboardColumn>

    public init(profile: ColumnProfile<DashboardColumn> = .embedded) { self.profile = profile }

    /// Parses the export's bytes; `name` is the file as messages show it. Staged sessions have
    /// no connection yet (API.md §12) and are skipped; any other row needs a connection_id.
    public func read(_ data: Data, name: String) throws(ReconcileInputFailure) -> [DashboardConnection] {
        let csv = try ProfiledCSV<DashboardColumn>(data: data, name: name, profile: profile)
        guard csv.has(.connectionID) else { throw csv.missing(.connectionID) }
        var rows: [DashboardConnection] = []
        var seen: [ConnectionID: Int] = [:]
        while let record = try csv.next() {
            let status = record.text(.status)?.lowercased()
            guard let id = record.text(.connectionID).map(ConnectionID.init) else {
                if status == "staged" { continue }
                throw record.fail(.connectionID, "the connection_id is empty")
            }
            if let first = seen[id] {
                throw record.fail(.connectionID, "connection \(id) is listed again (first on line \(first))")
            }
            seen[id] = record.line
            rows.append(
                DashboardConnection(
                    line: record.line, connectionID: id,
                    companyID: record.text(.companyID).map(CompanyID.init),
                    providerID: record.text(.providerID).map(ProviderID.init),
                    customerID: record.text(.customerID).map(CustomerID.init), status: status,
                    createdAt: try time(record, .createdAt), disconnectedAt: try time(record, .disconnectedAt)
                ))
        }
        return rows
    }

    private func time(
        _ record: ProfiledRecord<DashboardColumn>, _ column: DashboardColumn
    ) throws(ReconcileInputFailure) -> UTCTimestamp? {
        guard let text = record.text(column) else { return nil }
        guard let time = UTCTimestamp(iso: text) else {
            throw record.fail(
                column, "\"\(text)\" is not a time (\(UTCTimestamp.acceptedForms))")
        }
        return time
    }
}
