import Foundation
import PaybatchKit

/// Puts rows in every table of a store through its public operations — two customers, three
/// connections (one disconnected), a client secret, a setting, two runs with answers (one
/// replaced in place), request log lines, run outcomes, period totals and a refresh job — so a
/// copy or a comparison has something in each.
public enum StoreFiller {
    public static let period = Period(year: 2026, month: 10)!

    public static func fill(
        _ store: any PaybatchStore, at time: Date = Date(timeIntervalSince1970: 1_790_000_000)
    )
        async throws
    {
        for (index, customer) in ["cust-1", "cust-2", "cust-1"].enumerated() {
            let id = ConnectionID("conn-\(index)")
            _ = try await store.addConnection(
                NewConnection(
                    id: id, customerID: CustomerID(customer), customerName: "Customer \(customer)",
                    details: ConnectionDetails(
                        providerID: "gusto", status: index == 1 ? .reauth : .connected, statusMessage: nil),
                    token: TempStore.fakeToken(), createdAt: "2026-01-0\(index + 1)"),
                source: .import)
        }
        _ = try await store.markDisconnected("conn-2", at: time, source: .import, estimated: true)
        try await store.setClientSecret(ClientSecret("sec_" + UUID().uuidString))
        try await store.setSetting("billing_unit_price", "50.00")
        for (offset, run) in ["run-a", "run-b"].enumerated() {
            let started = time.addingTimeInterval(Double(offset) * 60)
            try await store.createRun(
                RunRecord(runID: run, period: period, command: "export", startedAt: started))
            for key in ["introspect", "directory?offset=0", "directory?offset=100", "introspect"] {
                try await store.storeResponse(
                    StoredResponse(
                        runID: run, connectionID: "conn-0", requestKey: key, endpoint: key, httpStatus: 200,
                        requestID: RequestID("req-\(run)-\(key)"), dataRetrieved: "2026-11-01T06:00:00Z",
                        createdAt: started, entity: key == "introspect" ? nil : EntityID("ent-1")),
                    body: Data("{\"run\":\"\(run)\",\"key\":\"\(key)\"}".utf8))
            }
            try await store.logRequests([
                RequestLogEntry(
                    runID: run, requestID: RequestID("req-\(run)"), connectionID: "conn-0",
                    endpoint: "/employer/directory", httpStatus: 200, time: started),
                RequestLogEntry(
                    runID: run, connectionID: "conn-1", endpoint: "/introspect", httpStatus: 401,
                    finchCode: "reauthenticate_user", time: started, attempt: 2),
            ])
            try await store.saveRunConnection(
                RunConnectionRecord(status: .ok, source: "fetched"), runID: run, connection: "conn-0")
            try await store.finishRun(run, status: .complete, exitCode: 0, at: started.addingTimeInterval(30))
        }
        try await store.savePeriodTotals(
            [
                PeriodTotalsRecord(
                    connectionID: "conn-0", exportStatus: .ok, individuals: 12, payments: 2,
                    payStatements: 24,
                    money: [.init(currency: "USD", gross: Cents(1_234_500), net: Cents(987_600))],
                    entityID: "ent-1")
            ], runID: "run-b", period: period, finishedAt: time.addingTimeInterval(90))
        try await store.saveRefreshJob(
            RefreshJobRecord(
                connectionID: "conn-0", jobID: "job-1", requestedAt: time, status: .pending,
                allowedRefreshes: 3,
                remainingRefreshes: 2, requestID: "req-refresh"))
    }
}
