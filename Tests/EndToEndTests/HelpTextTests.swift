import Foundation
import PaybatchTestSupport
import Testing

/// Issue 19, item 20: help stands alone. The installed binary ships no SPEC, no README and no
/// repository folders, so no `--help` may send a reader to them.
@Suite("Help text stands alone")
struct HelpTextTests {
    /// What only a reader of the repository could follow.
    static let repositoryReferences = [
        "SPEC", "§", "Templates/", "docs/", "Samples/", "Sources/", "Tests/", "README", ".md", "DESIGN",
        "issue ",
    ]

    /// The subcommand names a help page lists (two-space indented under SUBCOMMANDS:).
    static func subcommands(in help: String) -> [String] {
        guard let listed = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { return [] }
        return listed.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "See" }
    }

    @Test func everyHelpPageStandsAlone() async throws {
        var pending: [[String]] = [[]]
        var visited: [[String]] = []
        var findings: [String] = []
        while let path = pending.popLast() {
            let result = try await PaybatchBinary.run(path + ["--help"])
            #expect(result.exitCode == 0, "\(path): \(result.stderr)")
            visited.append(path)
            for reference in Self.repositoryReferences where result.stdout.contains(reference) {
                let lines = result.stdout.split(separator: "\n").filter { $0.contains(reference) }
                findings.append(
                    "paybatch \(path.joined(separator: " ")) --help: \"\(reference)\" in \(lines)")
            }
            pending += Self.subcommands(in: result.stdout).map { path + [$0] }
        }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        // The walk is not blind: it reached the leaves (roster import, keys rotate, config …).
        #expect(visited.count >= 20, "\(visited)")
        #expect(visited.contains(["roster", "import"]) && visited.contains(["keys", "rotate"]))
    }
}
