import FinchSandbox
import Foundation
import PaybatchTestSupport

@testable import PaybatchKit

/// One sandbox world exported into a store's run connection by connection, the way an export
/// fetches each — a first invocation under the sandbox's fault plan, then a resumed one for every
/// connection it left unfinished and a few it did not (whose answers are all found stored; some,
/// whose sync moved on, fetched again whole, as the re-run rule does) — then rendered from the
/// store by `StoredRunReader`, and from a second run that reuses some connections' answers, as
/// `--only` and the re-run rule do.
struct StoredRunWorld: Sendable, CustomStringConvertible {
    var seed: UInt64
    var companies: Int
    var limits: FinchBatchLimits
    /// The sandbox's faults in the first invocation; the resumed one has none.
    var faults: FaultPlan
    /// How often the test's own oddities come (`AnswerOddities`).
    var oddities: Double
    /// The chance that a data call answers 202.
    var pending: Double
    /// Requests before a payment's pending statements are ready (0: never).
    var syncAfter: Int

    var description: String {
        "seed \(seed) (\(companies) companies, \(limits), faults \(faults.probabilities), "
            + "oddities \(oddities), pending \(pending), syncAfter \(syncAfter))"
    }

    static let period = Period("2026-10")!
    static let now = ISO8601DateFormatter().date(from: "2026-11-15T12:00:00Z")!
    /// Parsed once: every sink takes them.
    static let templates = ReportTemplates.defaults

    /// A connection rendered: what its data came to, and the summary of its rows.
    struct Rendered: Sendable {
        var data: ConnectionFacts
        var rows: RowSummary
    }

    /// What one connection came to, each way.
    struct Connection: Sendable {
        var index: Int
        var id: ConnectionID
        /// Its last fetch, rows normalized while it ran.
        var last: Rendered
        /// The fetch whose answers the store holds, and the invocation it ran in (0 the first,
        /// 1 the resumed): the last one whose last answer was stored (HTTP 200), unless a later
        /// one stored answers and stopped at a call whose answer the store lacks (nil then: the
        /// connection has nothing to render). A fetch refused at its introspect stores nothing.
        var expected: (invocation: Int, rendered: Rendered)?
        /// Whether a second, resumed invocation fetched it again.
        var resumed: Bool
        /// Whether its fetch asked for the organization before the payroll (the reading never does).
        var organizationFirst: Bool
        /// Whether such a fetch stopped early: see `exportOne`.
        var stoppedOutOfOrder: Bool
        var read: Rendered?
        /// Read from a second run its answers were copied into; nil when not copied.
        var reused: Rendered??
    }

    /// Every connection, and each spool's rows by connection.
    struct Outcome {
        var connections: [Connection]
        /// Per invocation.
        var liveRows: [[Int: [SpooledRow]]]
        var readRows: [Int: [SpooledRow]]
        var reusedRows: [Int: [SpooledRow]]
    }

    /// What the connections' fetches share.
    private struct Setup: Sendable {
        var store: RunStore
        var faulty: SandboxEngineTransport
        var clean: SandboxEngineTransport
        /// Per invocation.
        var live: [ReportSpool]
        var read: ReportSpool
        var reused: ReportSpool
    }

    func export() async throws -> Outcome {
        let temp = try TempStore()
        _ = try temp.open()
        let store = try temp.runStore()
        for runID in ["first", "reusing"] {
            try await store.createRun(
                RunRecord(
                    runID: runID, period: Self.period, command: ExportRunner.command, startedAt: Self.now))
        }
        var options = SandboxOptions(
            seed: seed, companies: companies, now: Self.now, faults: faults, syncAfter: syncAfter,
            clientID: "reader-test", clientSecret: "reader-test-secret")
        let oddities = AnswerOddities(seed: seed, rate: self.oddities, pending: pending)
        let faulty = SandboxEngineTransport(engine: SandboxEngine(options: options), oddities: oddities)
        options.faults = .none
        let engine = SandboxEngine(options: options)
        let setup = Setup(
            store: store, faulty: faulty, clean: SandboxEngineTransport(engine: engine, oddities: oddities),
            live: ["first", "resumed"].map { ReportSpool(folder: temp.path($0), mode: .owner) },
            read: ReportSpool(folder: temp.path("read"), mode: .owner),
            reused: ReportSpool(folder: temp.path("reused"), mode: .owner))
        let sandboxConnections = engine.world.connections
        var connections: [Connection] = []
        // A few at a time, as an export fetches them: both cores busy.
        try await withThrowingTaskGroup(of: Connection.self) { group in
            var next = 0
            func startNext() {
                guard next < sandboxConnections.count else { return }
                let (index, connection) = (next, sandboxConnections[next])
                next += 1
                group.addTask { try await exportOne(connection, at: index, setup) }
            }
            for _ in 0..<4 { startNext() }
            while let done = try await group.next() {
                connections.append(done)
                startNext()
            }
        }
        for spool in setup.live + [setup.read, setup.reused] { try spool.seal() }
        return Outcome(
            connections: connections.sorted { $0.index < $1.index },
            liveRows: try setup.live.map { try $0.rowsByConnection() },
            readRows: try setup.read.rowsByConnection(),
            reusedRows: try setup.reused.rowsByConnection())
    }

    private func exportOne(
        _ connection: SandboxConnection, at index: Int, _ setup: Setup
    ) async throws
        -> Connection
    {
        let id = ConnectionID(connection.connectionID)
        let record = ConnectionRecord(
            connectionID: id, customerID: CustomerID(connection.customerID),
            details: ConnectionDetails(status: .connected), addedAt: Self.now)
        func sink(_ spool: ReportSpool) -> ConnectionNormalizer {
            ConnectionNormalizer(
                spool: spool, index: index, record: record, customerName: connection.customerName,
                templates: Self.templates)
        }
        // Some ask for the organization first, as an export's later connections do; the reading
        // asks for the payroll first.
        let organizationFirst = index % 3 == 1
        func fetch(
            _ invocation: Int, through transport: SandboxEngineTransport, syncMoved: Bool = false
        ) async throws -> Rendered {
            let client = FinchClient(
                requests: FinchRequestFactory(baseURL: URL(string: "http://sandbox.test")!),
                transport: transport, limits: limits,
                cache: StoredResponseCache(store: setup.store, runID: "first", wallClock: SystemWallClock()))
            let rows = sink(setup.live[invocation])
            let data = try await ConnectionFetcher(client: client, period: Self.period).fetch(
                id, token: AccessToken(connection.accessToken), organizationFirst: organizationFirst,
                into: rows,
                beforeData: { _ in
                    // The connection synced since its answers: they go, it is fetched again whole
                    // (the re-run rule, right after the introspect).
                    if syncMoved { try await setup.store.deleteDataResponses(runID: "first", connection: id) }
                    return true
                })
            return Rendered(data: data, rows: rows.summary)
        }
        func read(_ runID: String, into spool: ReportSpool) async throws -> Rendered? {
            let rows = sink(spool)
            let reader = StoredRunReader(
                store: setup.store, runID: runID, period: Self.period, limits: limits)
            guard let data = try await reader.read(id, into: rows) else {
                try spool.remove(connection: index)
                return nil
            }
            return Rendered(data: data, rows: rows.summary)
        }
        var draws = SeededRandom(seed: AnswerOddities.hash(["\(seed)", "invocations", id.rawValue]))
        var last = try await fetch(0, through: setup.faulty)
        let firstStatus = setup.faulty.lastStatus(of: id)
        var expected = firstStatus == 200 ? (invocation: 0, rendered: last) : nil
        // The resumed invocation: what the first left unfinished, and some it finished.
        let resumed = firstStatus != 200 || draws.chance(0.3)
        if resumed {
            last = try await fetch(1, through: setup.clean, syncMoved: draws.chance(0.3))
            if setup.clean.lastStatus(of: id) == 200 {
                expected = (1, last)
            } else if last.data.introspection != nil {
                expected = nil
            }
        }
        // Where a fetch that asked for the organization first stopped early, which answer the
        // reading stops at — one not stored, or one stored that cannot be read — depends on the
        // order: only that the reading and a reading of the reused copy agree is compared.
        let stoppedOutOfOrder =
            organizationFirst && (last.data.stoppedEarly || expected?.rendered.data.stoppedEarly == true)
        var reused: Rendered?? = nil
        if draws.chance(0.3) {
            try await setup.store.copyResponses(from: "first", to: "reusing", connection: id)
            reused = .some(try await read("reusing", into: setup.reused))
        }
        return Connection(
            index: index, id: id, last: last, expected: stoppedOutOfOrder ? nil : expected, resumed: resumed,
            organizationFirst: organizationFirst, stoppedOutOfOrder: stoppedOutOfOrder,
            read: try await read("first", into: setup.read), reused: reused)
    }
}
