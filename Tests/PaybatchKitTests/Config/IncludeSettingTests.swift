import PaybatchKit
import Testing

/// `include = ["benefits"]` (issue 21): read from the file or `PAYBATCH_INCLUDE`, an unknown name
/// refused naming where it stood, and `[rate_limits] benefits` overriding the bucket.
@Suite("Configuration: include and the benefits bucket")
struct IncludeSettingTests {
    @Test func fileArrayAndEnvironment() throws {
        let file = "include = [\"benefits\"]  # the deduction check\n[rate_limits]\nbenefits = 5\n"
        let settings = try SettingsResolver(environment: [:]).resolve { _ in file }
        #expect(settings.include == [.benefits])
        #expect(settings.rateLimits.limit(for: .benefits) == 5)
        let fromEnvironment = try SettingsResolver(environment: ["PAYBATCH_INCLUDE": "benefits"]).resolve {
            _ in nil
        }
        #expect(fromEnvironment.include == [.benefits])
        let none = try SettingsResolver(environment: [:]).resolve { _ in nil }
        #expect(none.include.isEmpty)
        #expect(none.rateLimits.limit(for: .benefits) == 20)
    }

    @Test(arguments: ["include = [\"benefit\"]", "include = [benefits]", "include = [\"benefits\""])
    func badIncludeIsRefusedNamingTheLine(_ line: String) {
        #expect(throws: (any Error).self) {
            _ = try SettingsResolver(environment: [:]).resolve { _ in "db = \"x\"\n" + line + "\n" }
        }
    }
}
