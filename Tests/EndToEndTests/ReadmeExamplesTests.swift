import Foundation
import PaybatchTestSupport
import Testing

/// The README's shell examples, run as a reader would paste them: every block marked
/// `<!-- example: sandbox -->`, in order, in one bash session in an empty folder, with `paybatch`
/// on PATH as the built binary and no PAYBATCH_* or FINCH_* variable inherited (the README sets
/// the ones it needs: FINCH_BASE_URL to the sandbox it starts, PAYBATCH_KEY_FILE to `keys init`'s
/// key). Each command must exit with the code its `# exit N` comment states, else 0.
@Suite("The README's examples, run against the sandbox", .serialized)
struct ReadmeExamplesTests {
    /// The README blocks that run paybatch but are not run here, by their first command (without
    /// its comment), with why.
    /// (Blocks without a paybatch command are not considered at all: `make demo`/`make test`,
    /// which CI runs, and the curl and Python SDK calls, which need a token picked by hand.)
    static let skipped: [String: String] = [
        "export FINCH_CLIENT_ID=demo-client FINCH_CLIENT_SECRET=demo-secret":
            "connect: a person opens the Connect link in a browser",
        "export FINCH_CLIENT_ID=… ; paybatch config set-client-secret --stdin < secret.txt":
            "your Finch application's client secret, then connect/reauth in a browser",
        "paybatch --generate-completion-script bash > /etc/bash_completion.d/paybatch":
            "installs completion scripts into system and home folders",
    ]

    static var readme: ShellExamples {
        let text =
            (try? String(contentsOf: RepoPaths.root.appendingPathComponent("README.md"), encoding: .utf8))
        return ShellExamples(markdown: text ?? "")
    }

    @Test func theParserReadsMarkersContinuationsAndExitCodes() {
        let examples = ShellExamples(
            markdown: """
                <!-- example: sandbox -->
                ```sh
                paybatch roster import r.csv   # exit 3: a token was rejected
                # a comment line
                paybatch reconcile --period 2026-10 \\
                    --invoice "a # b.csv"      # exit 4
                echo '#' && paybatch status    # CSV or JSON; exit 3 when…
                ```
                ```sh
                make demo    # runs `paybatch demo`
                ```
                """)
        #expect(examples.blocks.map(\.runnable) == [true, false])
        let commands = examples.blocks[0].commands
        #expect(commands.map(\.line) == [3, 5, 7])
        #expect(commands.map(\.expectedExit) == [3, 4, 0])
        #expect(commands[1].text.hasSuffix(#""a # b.csv"      # exit 4"#))
        #expect(commands.allSatisfy { $0.runsPaybatch })
        #expect(!examples.blocks[1].runsPaybatch)
    }

    @Test func everyPaybatchBlockIsRunOrListedAsSkipped() {
        let unmarked = Self.readme.blocks.filter { !$0.runnable && $0.runsPaybatch }
        let firstLines = unmarked.map { $0.commands[0].code }
        for (block, first) in zip(unmarked, firstLines) where Self.skipped[first] == nil {
            Issue.record(
                "README.md:\(block.line) runs paybatch but is neither marked `\(ShellExamples.marker)` nor skipped"
            )
        }
        #expect(Set(firstLines) == Set(Self.skipped.keys), "the skip list names only blocks that exist")
        #expect(Self.readme.blocks.filter(\.runnable).count >= 5)
    }

    @Test func everyRunnableExampleExitsAsTheReadmeSays() async throws {
        let commands = Self.readme.blocks.filter(\.runnable).flatMap(\.commands)
        try #require(!commands.isEmpty)
        let run = try ExampleSession(commands: commands)
        defer { run.remove() }
        let codes = try await run.execute()
        #expect(codes.count == commands.count, "the session stopped early:\n\(run.transcript())")
        let wrong = zip(commands, codes).filter { $0.0.expectedExit != $0.1 }.map { command, code in
            "README.md:\(command.line) `\(command.text)` exited \(code), the README says \(command.expectedExit)"
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))\n\(run.transcript())")
        // The sandbox's tokens are in roster.csv (column 3, CRLF lines); nothing the commands printed shows one.
        let roster =
            (try? String(contentsOf: run.folder.appendingPathComponent("roster.csv"), encoding: .utf8)) ?? ""
        let tokens = roster.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[2] }
        try #require(!tokens.isEmpty)
        let transcript = run.transcript()
        #expect(tokens.allSatisfy { !transcript.contains($0) }, "a token was printed")
    }
}
