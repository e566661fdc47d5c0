import ArgumentParser
import PaybatchKit

/// `paybatch doctor`: says plainly what is wrong with this installation and how to fix it.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the key, the store, the output folder, Finch's base URL and every connection.",
        discussion: """
            Each check prints one line, and a fix when it fails. Exits 0 when everything is fine, \
            else with the code of the first failed check (78 no key, 77 wrong key, 65 a damaged \
            store, 73 an unwritable output folder, 69 Finch unreachable, 3 a connection that needs \
            attention). Reads the store only: no lock is taken.

            Example:
              paybatch doctor
              paybatch doctor --sample 5
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Introspect only this many connections (default: all).") var sample: Int?

    func validate() throws {
        if let sample, sample < 0 { throw ValidationError("--sample must not be negative") }
    }

    func run() async throws {
        try await withContext(global) { context in
            let doctor = Doctor(
                settings: context.settings, environment: context.environment, client: context.finchClient(),
                sample: sample)
            let report = await doctor.run(keys: context.keyRing) { ring, body in
                try await context.withStore(mode: .readOnly, keys: .ring(ring), body)
            }
            report.lines.forEach(context.console.out)
            return report.exitStatus
        }
    }
}
