import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// One connection exported end to end from scripted Finch answers: the fetch (introspect, the
/// period's payments, their statements, company, an empty directory) normalizes into the spool,
/// and the renderer writes every file of the period into a temporary folder. The same path a live
/// export takes.
struct ScriptedExport {
    static let period = Period("2026-10")!
    static let products = #"["company","directory","individual","employment","payment","pay_statement"]"#

    /// The payments answer (a JSON array) and, when a payment is in the period, the pay-statement
    /// answer (`{"responses":[…]}`).
    var payments: String
    var statements: String?

    /// A pay-statement answer giving each payment's statements (JSON texts) in one page.
    static func statementsAnswer(_ pages: [(payment: String, statements: [String])]) -> String {
        let responses = pages.map { page in
            #"{"payment_id":"\#(page.payment)","code":200,"body":{"paging":{"offset":0,"count":"#
                + "\(page.statements.count)},"
                + #""pay_statements":[\#(page.statements.joined(separator: ","))]}}"#
        }
        return #"{"responses":[\#(responses.joined(separator: ","))]}"#
    }

    /// What the export made: the files' folder, the fetch's data and the connection's outcome.
    struct Result {
        var folder: String
        var data: ConnectionFacts
        var outcome: ConnectionOutcome
        var transport: ScriptedTransport

        func file(_ name: String) throws -> String {
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }

        /// data_quality.csv's rows whose `check` is `code`.
        func qualityRows(_ code: String) throws -> [[String: String]] {
            try Self.records(file("data_quality.csv")).filter { $0["check"] == code }
        }

        /// A CSV's records by column name.
        static func records(_ text: String) -> [[String: String]] {
            let lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
                .filter { !$0.isEmpty }
            guard let header = lines.first?.components(separatedBy: ",") else { return [] }
            return lines.dropFirst().map { line in
                Dictionary(
                    zip(header, line.components(separatedBy: ",")).map { ($0, $1) },
                    uniquingKeysWith: { a, _ in a })
            }
        }
    }

    func run() async throws -> Result {
        var replies: [ScriptedTransport.Reply] = [
            .json(
                200,
                #"{"connection_id":"conn-1","company_id":"comp-1","provider_id":"gusto","client_type":"production","products":\#(Self.products),"connection_status":{"status":"connected"}}"#
            ),
            .json(200, payments),
        ]
        if let statements { replies.append(.json(200, statements)) }
        replies += [
            .json(200, #"{"id":"comp-1","legal_name":"Acme"}"#),
            .json(200, #"{"individuals":[],"paging":{"count":0,"offset":0}}"#),
        ]
        let transport = ScriptedTransport(replies)
        let client = FinchClient(
            requests: FinchRequestFactory(baseURL: URL(string: "http://finch.test/")!), transport: transport)
        let root = ReportFixtures.temporaryFolder()
        let options = ExportOptions(period: Self.period, outputRoot: root)
        let run = RunRecord(
            runID: "r", period: Self.period, command: ExportRunner.command,
            startedAt: Date(timeIntervalSince1970: 1_793_491_200))
        let record = ConnectionRecord(
            connectionID: "conn-1", customerID: "cust-1", details: ConnectionDetails(status: .connected),
            addedAt: run.startedAt)
        // An empty store: the connection's rows come from its fetch, nothing is read from there.
        let temp = try TempStore()
        _ = try temp.open()
        let reader = StoredRunReader(
            store: try temp.runStore(), runID: run.runID,
            period: Self.period, limits: client.limits)
        let renderer = ExportRenderer(
            options: options, templates: .defaults, run: run, reader: reader,
            wallClock: FixedWallClock(iso8601: "2026-11-15T12:00:00Z"))
        let rows = ConnectionNormalizer(
            spool: renderer.spool, index: 0, record: record, customerName: "Acme", templates: .defaults)
        let data = try await ConnectionFetcher(client: client, period: Self.period).fetch(
            "conn-1", token: AccessToken("tok-scripted-0001"), into: rows)
        let item = ExportRenderer.Item(
            record: record, customerName: "Acme",
            recorded: RunConnectionRecord(status: data.status, source: "fetched", errors: data.errors))
        try await renderer.add(item, at: 0, live: (data, rows.units))
        let result = try await renderer.finish([item], tally: .none)
        return Result(
            folder: result.folder, data: data, outcome: try #require(result.outcomes.first),
            transport: transport)
    }
}
