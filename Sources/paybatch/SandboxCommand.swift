import ArgumentParser
import FinchSandbox
import Foundation
import PaybatchKit

/// `paybatch sandbox`: serves the built-in Finch emulator (SPEC §6) until SIGINT or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve the built-in Finch emulator on 127.0.0.1.",
        discussion: """
            The sandbox answers Finch's endpoints with data generated from --seed, so paybatch, curl or \
            the official Finch SDKs can talk to it offline. With --port 0 (the default) it picks a free \
            port and prints it alone on the first line of standard output; the second line gives the \
            base URL and the client id. It serves until SIGINT or SIGTERM.

            With --write-* options and neither --port nor --serve it writes those files and exits; \
            with --port or --serve it writes them, then serves. The files are created mode 0600 (the \
            roster holds every token) and an existing file is never overwritten unless --force is \
            given. The client id and secret come from FINCH_CLIENT_ID and FINCH_CLIENT_SECRET when \
            set, else from the seed.

            Control routes (no limits, no faults, no latency): GET /_sandbox/counters, POST \
            /_sandbox/counters/reset, POST /_sandbox/connections/advance-sync?connection_id=ID, POST \
            /_sandbox/connections/status?connection_id=ID&status=reauth.

            --latency makes every other answer leave MEAN_MS ± JITTER_MS after its request arrived \
            (uniform, drawn from --seed, the request and its occurrence: the same requests wait the \
            same in every run), plus --latency-per-mb for each megabyte of body. The request takes \
            its rate-limit slot on arrival, before the wait; a 429 is answered at once.

            Examples:
              paybatch sandbox --port 0 --companies 12 --seed 1 --rate-scale 60
              paybatch sandbox --rate-scale 60 --latency 150:50 --latency-per-mb 20
              paybatch sandbox --faults 500=1 --faults-on /employer/payment
              paybatch sandbox --faults html=1 --faults-on /employer/directory --faults-for CONNECTION_ID
              paybatch sandbox --write-roster r.csv --write-invoice i.csv --period 2026-10
              curl -H 'Authorization: Bearer TOKEN' -H 'Finch-API-Version: 2020-09-17' \\
                http://127.0.0.1:PORT/employer/directory
            """)

    @Option(help: "Port on 127.0.0.1; 0 picks a free one (the default). Given, the sandbox serves.")
    var port: Int?
    @Option(help: "Number of generated companies (8 or more for every scenario).") var companies = 12
    @Option(help: "Seed of every generated value.") var seed: UInt64 = 1
    @Option(
        help: """
            Faults to inject, e.g. 500=0.02,502=0.01,429=0.01,timeout=0.005,truncate=0.001,slow=0.01:800; \
            html, empty and shape answer 200 with an HTML page, an empty body or JSON of the wrong shape.
            """)
    var faults = ""
    @Option(help: "Draw --faults only for requests to this path (repeatable), e.g. /employer/payment.")
    var faultsOn: [String] = []
    @Option(help: "Draw --faults only for requests with this connection's token (repeatable).")
    var faultsFor: [String] = []
    @Option(help: "Rate-limit scale: 1 = Finch's per-minute numbers, 60 = per second, 0 = no limits.")
    var rateScale = 0.0
    @Option(
        help: ArgumentHelp(
            "Delay every API answer by MEAN_MS ± JITTER_MS milliseconds (uniform, seeded), e.g. 150:50.",
            valueName: "MEAN_MS[:JITTER_MS]"))
    var latency: String?
    @Option(
        help: ArgumentHelp(
            "Extra delay of an API answer per megabyte of its body, in milliseconds, e.g. 20.",
            valueName: "MS"))
    var latencyPerMb: String?
    @Option(help: "Whether 429 answers carry Retry-After (on|off).") var retryAfter = "on"
    @Option(help: "Fix the sandbox clock (ISO-8601, e.g. 2026-11-15T12:00:00Z); default the wall clock.")
    var now: String?
    @Option(help: "Requests before a pending item becomes ready; 0 = never.") var syncAfter = 1
    @Option(help: "Seconds of sandbox time a data_sync_all job takes; 0 = jobs never finish.")
    var jobSeconds = 4
    @Option(help: "Write a roster CSV of every token to FILE.") var writeRoster: String?
    @Option(help: "Write a Dashboard-style connections export to FILE.") var writeConnections: String?
    @Option(help: "Write an invoice CSV for --period to FILE.") var writeInvoice: String?
    @Option(help: "The invoice's period, YYYY-MM.") var period: String?
    @Option(help: "Add one benchmark company of this many people.") var largeCompany: Int?
    @Flag(help: "Serve even when --write-* options are given.") var serve = false
    @Flag(help: "Overwrite files that --write-* options name when they exist.") var force = false

    func validate() throws {
        guard companies >= 1 else { throw ValidationError("--companies must be at least 1") }
        guard rateScale >= 0 else { throw ValidationError("--rate-scale must not be negative") }
        guard syncAfter >= 0 else { throw ValidationError("--sync-after must not be negative") }
        guard jobSeconds >= 0 else { throw ValidationError("--job-seconds must not be negative") }
        guard ["on", "off"].contains(retryAfter) else {
            throw ValidationError("--retry-after takes on or off")
        }
        if writeInvoice != nil, period.flatMap(BillingPeriod.init) == nil {
            throw ValidationError("--write-invoice needs --period YYYY-MM")
        }
        if let now, SandboxCommand.parseDate(now) == nil {
            throw ValidationError("--now must be ISO-8601, e.g. 2026-11-15T12:00:00Z")
        }
        guard faultsOn.allSatisfy({ $0.hasPrefix("/") }) else {
            throw ValidationError("--faults-on takes a request path, such as /employer/payment")
        }
        do { _ = try FaultPlan(parsing: faults) } catch { throw ValidationError("\(error)") }
        do { _ = try latencyPlan() } catch { throw ValidationError("\(error)") }
    }

    /// `--latency` and `--latency-per-mb` together.
    func latencyPlan() throws(LatencyPlanError) -> LatencyPlan {
        try LatencyPlan(latency: latency, perMegabyte: latencyPerMb)
    }

    /// `--faults`, narrowed to the `--faults-on` paths and the `--faults-for` connections.
    func faultPlan() throws -> FaultPlan {
        var plan = try FaultPlan(parsing: faults)
        plan.paths = Set(faultsOn)
        plan.connections = Set(faultsFor)
        return plan
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        return SandboxDay(parsing: text)?.date
    }

    func run() async throws {
        let options = SandboxOptions(
            seed: seed, companies: companies, now: now.flatMap(SandboxCommand.parseDate),
            rateScale: rateScale,
            faults: try faultPlan(), latency: try latencyPlan(), retryAfter: retryAfter == "on",
            syncAfter: syncAfter, jobSeconds: jobSeconds,
            largeCompanyPeople: largeCompany)
        let server = SandboxServer(options: options)
        let files: [(String?, () -> String?)] = [
            (writeRoster, server.world.rosterCSV), (writeConnections, server.world.connectionsCSV),
            (writeInvoice, { [period] in period.flatMap(server.world.invoiceCSV) }),
        ]
        for case (let path?, let text) in files {
            try Self.write(Data((text() ?? "").utf8), to: path, replacing: force)
        }
        // Asking for a port is asking to be served, with or without files to write.
        if files.contains(where: { $0.0 != nil }), !serve, port == nil { return }
        let bound = try await server.start(port: port ?? 0)
        // Written unbuffered: a parent process reads the port from the first line at once.
        let banner = "\(bound)\n\(server.baseURL.absoluteString) client_id=\(options.clientID)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        await SandboxCommand.untilInterrupted()
        await server.stop()
    }

    /// Writes a file mode 0600 (a roster holds every token): created exclusively, so an existing
    /// file is refused (73) unless `replacing`, which replaces it atomically, still 0600.
    static func write(_ data: Data, to path: String, replacing: Bool) throws {
        do throws(OwnerOnlyFiles.CreateError) {
            if replacing {
                try OwnerOnlyFiles.replaceAtomically(path, with: data)
            } else {
                let fd = try OwnerOnlyFiles.createExclusive(path)
                defer { close(fd) }
                try OwnerOnlyFiles.writeAll(data, to: fd, path: path)
            }
        } catch {
            let reason =
                error.alreadyExists
                ? "\(path) exists; paybatch sandbox never overwrites a file.\n  Add --force to replace it, or write elsewhere."
                : "cannot write \(path): \(error.reason)."
            FileHandle.standardError.write(Data("paybatch sandbox: \(reason)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
    }

    /// Waits for SIGINT or SIGTERM; the sources live until the wait ends.
    private static func untilInterrupted() async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield(sig) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
