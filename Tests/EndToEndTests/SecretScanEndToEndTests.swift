import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// After a whole month's work — import, export, reconcile, keys rotate, in text and json logs —
/// no token, client secret or key is anywhere paybatch writes or prints.
@Suite("Secret scan, end to end", .serialized)
struct SecretScanEndToEndTests {
    @Test func noSecretAnywhereAfterAMonthsWork() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        let period = "2026-10"
        let invoice = work.path("invoice.csv")
        try Data(try #require(work.server.world.invoiceCSV(period: period)).utf8).write(
            to: URL(fileURLWithPath: invoice))
        let json = ["--verbose", "--log-format", "json"]
        let text = ["--verbose", "--log-format", "text"]
        #expect(try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")]).exitCode == 0)
        let stored = try await work.run(
            json + ["config", "set-client-secret", "--stdin"], stdin: RosterWorkspace.clientSecret + "\n")
        #expect(stored.exitCode == 0, "\(stored.stderr)")
        #expect(try await work.run(json + ["roster", "import", work.rosterFile]).exitCode == 3)
        let export = ["export", "--period", period, "--out", work.path("out")]
        #expect(try await work.run(text + export).exitCode == 3)
        let reconciled = try await work.run(
            json + ["reconcile", "--period", period, "--invoice", invoice, "--out", work.path("out")])
        #expect(reconciled.exitCode == 4, "\(reconciled.stderr)")
        #expect(try await work.run(text + ["keys", "rotate"]).exitCode == 0)
        #expect(try await work.run(json + export + ["--fresh"]).exitCode == 3)
        let refreshed = try await work.run(text + ["roster", "refresh"])
        #expect(refreshed.exitCode == 0, "\(refreshed.stderr)")
        #expect(try await work.run(json + ["doctor"]).exitCode != 70)
        #expect(try await work.run(["backup", work.path("backup.sqlite")]).exitCode == 0)
        // A key that cannot decrypt and a token rejected by Finch leave messages too.
        try await work.run(["keys", "init", "--key-file", work.path("other.key")])
        #expect(
            try await work.run(json + export, extra: ["PAYBATCH_KEY_FILE": work.path("other.key")]).exitCode
                == 77)

        let scanned = work.writtenFiles().map(\.name)
        #expect(scanned.contains { $0.hasSuffix("/run.json") })
        #expect(
            scanned.contains { $0.hasSuffix(".xlsx") }
                && scanned.contains { $0.hasSuffix("reconciliation.json") })
        #expect(work.outputs.contains { $0.contains(#""level":"#) }, "json log lines were scanned")
        // And the lines --verbose adds: every request attempt with its fields, the run's summary.
        #expect(work.outputs.contains { $0.contains(" debug GET /introspect") && $0.contains("waited_ms=") })
        #expect(work.outputs.contains { $0.contains(#""method":"GET""#) && $0.contains(#""request_id":"#) })
        #expect(work.outputs.contains { $0.contains(#""event":"run_summary""#) })
        // 9 tokens, the secret, 2 key files, 3 keys (2 in paybatch.key after the rotation) × 4 forms.
        let forms = work.secretForms().count
        #expect(forms == 24)
        // The scan is not blind: the roster it leaves out holds every token.
        let roster = try #require(FileManager.default.contents(atPath: work.rosterFile))
        let tokens = work.server.world.connections.count
        #expect(work.secretForms().filter { roster.holds($0.bytes) }.count == tokens)
        work.expectNoSecrets()
    }
}
