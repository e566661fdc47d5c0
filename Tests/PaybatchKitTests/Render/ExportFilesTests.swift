import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Files written while connections are still fetched (the first ones, as they end) equal files
/// written whole at the end, byte for byte (CSV) and cell for cell (workbook) — also when a table
/// passes the row limit and the workbook must be written again with its `Name (2)` sheets in place.
@Suite("Export files written ahead")
struct ExportFilesTests {
    static let connections = 3
    static let run = RunRecord(
        runID: "r", period: Period("2026-10")!, command: "export",
        startedAt: Date(timeIntervalSince1970: 1_793_491_200))

    /// A spool with payments and statements for each connection, and each one's report rows.
    static func spool(in root: String) throws -> (ReportSpool, [RenderedConnection]) {
        let spool = ReportSpool(folder: root + "/2026-10", mode: .owner)
        var rows: [RenderedConnection] = []
        for connection in 0..<connections {
            for (n, row) in ReportFixtures.payments.enumerated() {
                try spool.append(
                    key: .init(connection: connection, payment: n, person: "", sequence: n), row: row
                )
            }
            for (n, row) in ReportFixtures.statements.enumerated() {
                try spool.append(
                    key: .init(connection: connection, payment: 1, person: "p\(n)", sequence: n),
                    row: row)
            }
            let record = ConnectionRecord(
                connectionID: ConnectionID("conn-\(connection)"),
                customerID: CustomerID("cust-\(connection)"),
                details: ConnectionDetails(status: .connected), addedAt: run.startedAt)
            rows.append(
                RenderedConnection(
                    index: connection,
                    outcome: ConnectionOutcome(
                        record: record, customerName: "Customer \(connection)", recorded: nil),
                    quality: [
                        DataQualityRow(
                            identity: ConnectionIdentity(
                                customerID: record.customerID, companyID: nil,
                                connectionID: record.connectionID,
                                providerID: nil),
                            report: "payments",
                            column: "gross_pay", check: "missing_amount", actual: .integer(Int64(connection)))
                    ]))
        }
        return (spool, rows)
    }

    static func files(_ root: String, rowLimit: Int) -> ExportFiles {
        ExportFiles(
            options: ExportOptions(period: Period("2026-10")!, outputRoot: root), templates: .defaults,
            run: run,
            wallClock: FixedWallClock(iso8601: "2026-11-15T12:00:00Z"), rowLimit: rowLimit)
    }

    /// The files of one spool written ahead (`ahead` connections) into `ahead`, and whole into `whole`.
    static func writeBoth(rowLimit: Int) async throws -> (ahead: String, whole: String) {
        let (ahead, whole) = (
            ReportFixtures.temporaryFolder("ahead"), ReportFixtures.temporaryFolder("whole")
        )
        let (spool, rows) = try spool(in: ahead)
        let early = files(ahead, rowLimit: rowLimit)
        try early.writeNext([rows[0]], from: spool)
        try early.writeNext([rows[1]], from: spool)
        try spool.seal()
        for file in try await early.finish(spoolPath: spool.path, connections: rows) { try file.publish() }
        for file in try await files(whole, rowLimit: rowLimit).finish(
            spoolPath: spool.path, connections: rows)
        {
            try file.publish()
        }
        return (ahead + "/2026-10", whole + "/2026-10")
    }

    static func expectSame(_ ahead: String, _ whole: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: whole).filter { !$0.hasPrefix(".") }
            .sorted()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: ahead).filter { !$0.hasPrefix(".") }.sorted()
                == names)
        #expect(names.count == 7)
        for name in names where name.hasSuffix(".csv") {
            #expect(
                FileManager.default.contents(atPath: ahead + "/" + name)
                    == FileManager.default.contents(atPath: whole + "/" + name), "\(name)")
        }
        let workbook = "paybatch-2026-10.xlsx"
        #expect(try XLSXCells(path: ahead + "/" + workbook) == XLSXCells(path: whole + "/" + workbook))
    }

    /// Handed from the render stage's task to `finish`'s child task by its lock, not by an
    /// unchecked promise: a stored property that is not behind it would not compile.
    @Test func theWorkbookWriterIsSendable() {
        func isSendable<T: Sendable>(_: T.Type) -> Bool { true }
        #expect(isSendable(ExportWorkbookFile.self))
    }

    @Test("connections written ahead give the files of a run written at the end")
    func aheadEqualsWhole() async throws {
        let (ahead, whole) = try await Self.writeBoth(rowLimit: XLSXWorkbook.excelRowLimit)
        try Self.expectSame(ahead, whole)
        let cells = try XLSXCells(path: ahead + "/paybatch-2026-10.xlsx")
        #expect(
            cells.sheetNames == [
                "Summary", "Connections", "Employees", "Payments", "Pay Statements", "Pay Statement Lines",
                "Findings", "Null Profile", "Run Info",
            ])
    }

    @Test("a table past the row limit: the workbook is written again, each spill right after its table")
    func spillRewritesTheWorkbook() async throws {
        let (ahead, whole) = try await Self.writeBoth(rowLimit: 4)
        try Self.expectSame(ahead, whole)
        let names = try XLSXCells(path: ahead + "/paybatch-2026-10.xlsx").sheetNames
        #expect(names.firstIndex(of: "Payments (2)") == names.firstIndex(of: "Payments")! + 1)
        #expect(names.last == "Run Info")
        // Nothing is left of the workbook written ahead.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: ahead).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test(
        "the lines are written beside the other tables: past the row limit they go on in a sheet right after")
    func linesSpillWhileOtherTablesAreWritten() async throws {
        let root = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (spool, rows) = try Self.spool(in: root)
        // Lines only past the limit (10 rows a sheet): the other tables fit, so they are written
        // at the same time as the lines (`ExportWorkbook.writeConcurrently`).
        let names = (0..<25).map { "line \($0)" }
        for (n, name) in names.enumerated() {
            try spool.append(
                key: .init(connection: 0, payment: 1, person: "p", sequence: n),
                row: DictionaryRow<PayStatementLinesField>(cells: [
                    .name: .text(name), .amount: .money(Cents(Int64(n))),
                ]))
        }
        try spool.seal()
        for file in try await Self.files(root, rowLimit: 11).finish(spoolPath: spool.path, connections: rows)
        {
            try file.publish()
        }
        let cells = try XLSXCells(path: root + "/2026-10/paybatch-2026-10.xlsx")
        #expect(
            cells.sheetNames == [
                "Summary", "Connections", "Employees", "Payments", "Pay Statements", "Pay Statement Lines",
                "Pay Statement Lines (2)", "Pay Statement Lines (3)", "Findings", "Null Profile", "Run Info",
            ])
        let position = try #require(
            ReportTemplates.defaults.payStatementLines.columns.map(\.field).firstIndex(of: .name))
        let column = XLSXSheetWriter.columnName(position)
        let written = ["Pay Statement Lines", "Pay Statement Lines (2)", "Pay Statement Lines (3)"].flatMap {
            sheet in
            cells.rows(of: sheet).sorted { $0.key < $1.key }.dropFirst().compactMap { $0.value[column] }
        }
        #expect(written == names)
        #expect(cells.rows(of: "Payments").count == ReportFixtures.payments.count * Self.connections + 1)
    }

    @Test("the spool removes what an interrupted export left: its spool and dead writers' temporary files")
    func leftoversOfDeadProcessesGo() throws {
        let root = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/2026-10"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let dead = ".employees.csv.tmp-2147483646-7"  // no such process
        let alive = ".payments.csv.tmp-\(getpid())-7"
        for name in [dead, alive, ".paybatch-spool-old", "notes.txt"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data())
        }
        let spool = ReportSpool(folder: folder, mode: .owner)
        try spool.append(
            key: .init(connection: 0, payment: 0, person: "", sequence: 0),
            row: ReportFixtures.payments[0])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(!left.contains(dead) && !left.contains(".paybatch-spool-old"))
        #expect(left.contains(alive) && left.contains("notes.txt"))
    }
}

@Suite("Fetch order", .serialized)
struct FetchOrderTests {
    /// Buckets of a connection's calls in the order they were made.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var buckets: [String] = []
        func add(_ record: FinchCallRecord) {
            lock.withLock { buckets.append(record.endpoint?.bucket?.rawValue ?? "-") }
        }
        var all: [String] { lock.withLock { buckets } }
    }

    @Test("payroll first, unless its calls would wait: then the organization first; the same data either way")
    func organizationFirstWhenPayrollWaits() async throws {
        let fixture = try await ExportFixture(companies: 3)
        defer { Task { await fixture.stop() } }
        let store = try fixture.temp.runStore()
        let live = try await store.liveConnections().map(\.record.connectionID)
        var seen: [[String]] = []
        var data: [ConnectionFacts] = []
        for organizationFirst in [false, true] {
            for id in live {
                let calls = Calls()
                let fetcher = ConnectionFetcher(
                    client: fixture.client(cache: nil, observer: ClosureCallObserver { calls.add($0) }),
                    period: fixture.period)
                let fetched = try await fetcher.fetch(
                    id, token: try await store.token(for: id), organizationFirst: organizationFirst)
                guard fetched.status == .ok || fetched.status == .partial else { continue }
                seen.append(calls.all.filter { $0 != "-" })
                data.append(fetched)
            }
        }
        #expect(!seen.isEmpty && seen.count % 2 == 0)
        let half = seen.count / 2
        for (payrollFirst, organizationFirst) in zip(seen[..<half], seen[half...]) {
            #expect(payrollFirst.first == "payment" && organizationFirst.first == "company")
            #expect(payrollFirst.sorted() == organizationFirst.sorted())
        }
        for (a, b) in zip(data[..<half], data[half...]) {
            #expect(
                a.status == b.status && a.directoryCount == b.directoryCount
                    && a.payments.count == b.payments.count)
        }
    }
}
