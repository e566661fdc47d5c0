import Testing

@testable import PaybatchKit

/// What an export run records with itself: `--only` and the shape of its requests.
@Suite("Export run options")
struct ExportRunOptionsTests {
    @Test func theOptionsReadBackAsWritten() throws {
        let options = ExportRunOptions(
            only: ["cust-1"],
            shape: RequestShape(limits: FinchBatchLimits(individualsPerCall: 3), includeSSN: true))
        #expect(ExportRunOptions(recorded: try options.json()) == options)
    }

    @Test func aRunRecordedBeforeTheShapeWasKeptHasOnlyItsOnlyList() {
        #expect(
            ExportRunOptions(recorded: #"["cust-1","conn-2"]"#)
                == ExportRunOptions(only: ["cust-1", "conn-2"], shape: nil))
        #expect(ExportRunOptions(recorded: "{}") == ExportRunOptions(only: [], shape: nil))
    }

    @Test func aRunServesRequestsOfItsOwnShapeAndOneOfUnknownShapeServesAny() {
        let asked = RequestShape(limits: FinchBatchLimits(individualsPerCall: 3), includeSSN: false)
        var other = asked
        other.includeSSN = true
        #expect(ExportRunOptions(only: [], shape: asked).serves(asked))
        #expect(!ExportRunOptions(only: [], shape: other).serves(asked))
        // Recorded before the shape was kept: read as every run was then, with the shape asked now.
        #expect(ExportRunOptions(recorded: "[]").serves(asked))
    }
}
