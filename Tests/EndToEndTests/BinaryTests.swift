import Foundation
import PaybatchTestSupport
import Testing

@Test func binaryPrintsItsVersion() async throws {
    let result = try await PaybatchBinary.run(["--version"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}
