import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct StoredResponsesTests {
    let temp: TempStore
    let store: SQLiteStore
    let period = Period(year: 2026, month: 10)!

    init() throws {
        temp = try TempStore()
        store = try temp.open()
        try store.createRun(RunRecord(runID: "run-1", period: period, command: "export", startedAt: Date()))
    }

    func info(
        _ key: String, connection: ConnectionID = "conn-1", run: String = "run-1",
        endpoint: String = "directory"
    )
        -> StoredResponse
    {
        StoredResponse(
            runID: run, connectionID: connection, requestKey: key, endpoint: endpoint, httpStatus: 200,
            requestID: RequestID("req-\(key)"), dataRetrieved: "2026-10-31T06:00:00Z",
            createdAt: Date(timeIntervalSince1970: 1))
    }

    @Test func storesLooksUpAndReadsBack() throws {
        let body = Data(#"{"individuals":[{"id":"i-1"}]}"#.utf8)
        #expect(
            try store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "directory?offset=0")
                == nil)
        try store.storeResponse(info("directory?offset=0"), body: body)
        #expect(
            try store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "directory?offset=0")
                == info("directory?offset=0"))
        #expect(
            try store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "directory?offset=0")
                == body)
        #expect(
            try store.responseBody(runID: "run-1", connection: "conn-2", requestKey: "directory?offset=0")
                == nil)
        // The body is encrypted at rest.
        #expect(temp.storeBytes().range(of: Data(#""id":"i-1""#.utf8)) == nil)
    }

    @Test func aLargeBodyIsWrittenInPlaceAndReplacedWhole() throws {
        let large = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let small = Data("{}".utf8)
        for body in [large, small, Data(), large] {
            try store.storeResponse(info("page"), body: body)
            #expect(try store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "page") == body)
        }
        #expect(try store.responses(runID: "run-1").count == 1)
    }

    @Test func streamsBodiesInTheOrderTheyWereStored() throws {
        for key in ["p?offset=0", "p?offset=5000", "p?offset=10000"] {
            try store.storeResponse(info(key), body: Data(key.utf8))
        }
        try store.storeResponse(info("company", endpoint: "company"), body: Data("co".utf8))
        try store.storeResponse(info("other", connection: "conn-2"), body: Data("o".utf8))
        var seen: [String] = []
        try store.forEachResponse(runID: "run-1", connection: "conn-1", endpoint: "directory") { info, body in
            #expect(String(decoding: body, as: UTF8.self) == info.requestKey)
            seen.append(info.requestKey)
        }
        #expect(seen == ["p?offset=0", "p?offset=5000", "p?offset=10000"])
        #expect(try store.responses(runID: "run-1").count == 5)
        #expect(try store.responses(runID: "run-1", connection: "conn-2").map(\.requestKey) == ["other"])
    }

    /// What a reader of a stored run relies on: an endpoint's answers in the order they were stored
    /// (the order they were asked for), one stored again in its place, a later one after them all.
    @Test func listsAnEndpointsResponsesInStoredOrder() throws {
        for key in ["page-0", "page-1", "page-2"] {
            try store.storeResponse(info(key), body: Data(key.utf8))
            try store.storeResponse(info("company-" + key, endpoint: "company"), body: Data())
        }
        try store.storeResponse(info("page-1"), body: Data("again".utf8))
        try store.database.run("DELETE FROM responses WHERE request_key = 'page-2'")
        try store.storeResponse(info("page-3"), body: Data("page-3".utf8))
        let listed = try store.responses(runID: "run-1", connection: "conn-1", endpoint: "directory")
        #expect(listed.map(\.requestKey) == ["page-0", "page-1", "page-3"])
        #expect(try store.responses(runID: "run-1", connection: "conn-2", endpoint: "directory").isEmpty)
        #expect(
            try store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "page-1")
                == Data("again".utf8))
    }

    @Test func aBodyMovedToAnotherRowDoesNotDecrypt() throws {
        try store.storeResponse(info("a"), body: Data("A".utf8))
        try store.storeResponse(info("b"), body: Data("B".utf8))
        try store.database.run(
            "UPDATE responses SET body = (SELECT body FROM responses WHERE request_key = 'a') WHERE request_key = 'b'"
        )
        expectFailure(.noPermission) {
            _ = try store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "b")
        }
    }

    @Test func pruningKeepsTheLatestRunsResponses() throws {
        try store.storeResponse(info("k", run: "run-1"), body: Data("1".utf8))
        for (offset, run) in ["run-2", "run-3"].enumerated() {
            try store.createRun(
                RunRecord(
                    runID: run, period: period, command: "export",
                    startedAt: Date().addingTimeInterval(Double(offset + 1))))
            try store.storeResponse(info("k", run: run), body: Data(run.utf8))
        }
        #expect(try store.pruneResponses(period: period, command: "export", keepingLatest: 2) == 1)
        #expect(try store.responses(runID: "run-1").isEmpty)
        #expect(try store.responses(runID: "run-2").count == 1)
        #expect(try store.allRuns().count == 3)
    }

    @Test func requestLogRecordsEveryAttempt() throws {
        let time = Date(timeIntervalSince1970: 100)
        try store.logRequest(
            RequestLogEntry(
                runID: "run-1", requestID: "rq-1", connectionID: "conn-1", endpoint: "/employer/directory",
                httpStatus: 429, finchCode: nil, time: time, attempt: 1))
        try store.logRequest(
            RequestLogEntry(
                runID: "run-1", requestID: "rq-2", connectionID: "conn-1", endpoint: "/employer/directory",
                httpStatus: 200, time: time, attempt: 2))
        try store.logRequest(RequestLogEntry(endpoint: "/providers", time: time))
        let log = try store.requestLog(connection: "conn-1")
        #expect(log.map(\.attempt) == [1, 2])
        #expect(log.first?.httpStatus == 429)
        #expect(try store.requestLog().count == 3)
        #expect(try store.requestLog(runID: "run-1").count == 2)
    }
}
