import Foundation
import PaybatchTestSupport
import Testing

@Test func binaryPrintsItsVersion() throws {
    let result = try PaybatchBinary.run(["--version"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}
