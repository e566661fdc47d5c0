import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Doctor", .serialized)
struct DoctorTests {
    func doctor(_ fixture: ExportFixture, baseURL: URL, sample: Int? = nil) throws -> Doctor {
        var settings = try SettingsResolver(
            flags: ["db": fixture.temp.databasePath, "out": fixture.out, "rate_scale": "0"],
            environment: ["FINCH_BASE_URL": baseURL.absoluteString]
        ).resolve { _ in nil }
        settings.requestTimeout = .seconds(5)
        let client = FinchClient(
            requests: FinchRequestFactory(baseURL: baseURL, requestTimeout: .seconds(5)),
            transport: FinchTransportStack.compose(
                wire: CurlTransport(), limiter: RateLimiter(configuration: .unpaced, clock: SystemClock()),
                retryPolicy: RetryPolicy(maxAttempts: 1), budget: RetryBudget(),
                observer: ClosureCallObserver { _ in },
                clock: SystemClock(), wallClock: SystemWallClock()))
        return Doctor(
            settings: settings, environment: fixture.temp.environment, client: client, sample: sample)
    }

    /// The store as `paybatch doctor` opens it: read-only, with the keys doctor loaded.
    static func readOnly(_ temp: TempStore) -> Doctor.StoreAccess {
        { ring, body in
            try await body(try SQLiteStoreActor.open(path: temp.databasePath, keys: ring, mode: .readOnly))
        }
    }

    @Test func findsTheConnectionThatNeedsReauthentication() async throws {
        let fixture = try await ExportFixture()
        let report = await try doctor(fixture, baseURL: fixture.sandbox.baseURL).run(
            keys: fixture.temp.keyRing, store: Self.readOnly(fixture.temp))
        await fixture.stop()
        #expect(report.checks.prefix(4).allSatisfy { $0.failure == nil }, "\(report.lines)")
        #expect(report.exitStatus == .partial)
        let failed = report.checks.filter { $0.failure != nil }
        #expect(failed.count == 1)
        #expect(failed.first?.fix?.contains("paybatch reauth") == true)
    }

    @Test func anUnreachableFinchIs69AndSkipsTheConnections() async throws {
        let fixture = try await ExportFixture()
        let report = await try doctor(fixture, baseURL: URL(string: "http://127.0.0.1:9")!).run(
            keys: fixture.temp.keyRing, store: Self.readOnly(fixture.temp))
        await fixture.stop()
        #expect(report.exitStatus == .unavailable)
        #expect(report.checks.count == 4)
    }

    @Test func aMissingKeyIs78() async throws {
        let fixture = try await ExportFixture()
        let report = await try doctor(fixture, baseURL: fixture.sandbox.baseURL, sample: 0).run(
            keys: { try KeyRing.load(environment: [:]) }, store: Self.readOnly(fixture.temp))
        await fixture.stop()
        #expect(report.exitStatus == .configuration)
        #expect(report.lines.first?.hasPrefix("FAIL key") == true)
    }
}
