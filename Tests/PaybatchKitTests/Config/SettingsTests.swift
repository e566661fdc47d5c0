import Foundation
import PaybatchKit
import Testing

@Suite("Configuration: file, environment, flags")
struct SettingsTests {
    let file = """
        # paybatch settings
        db = "file.sqlite"
        out = "file-out"
        rate_scale = 2
        request_timeout = 30
        output_mode = "0640"

        [rate_limits]
        payment = 40
        ip = 500
        """

    @Test func fileValuesApplyWhenNothingElseSaysOtherwise() throws {
        let settings = try SettingsResolver(environment: [:]).resolve { _ in file }
        #expect(settings.databasePath == "file.sqlite")
        #expect(settings.outputFolder == "file-out")
        #expect(settings.rateLimits.scale == 2)
        #expect(settings.rateLimits.limit(for: .payment) == 40)
        #expect(settings.rateLimits.ipLimit == 500)
        #expect(settings.requestTimeout == .seconds(30))
        #expect(settings.outputMode == .group)
        #expect(settings.configPath == "paybatch.toml")
    }

    @Test func environmentBeatsFileAndFlagsBeatEnvironment() throws {
        let env = [
            "PAYBATCH_DB": "env.sqlite", "PAYBATCH_RATE_SCALE": "60",
            "FINCH_BASE_URL": "http://127.0.0.1:9999",
        ]
        let settings = try SettingsResolver(flags: ["db": "flag.sqlite"], environment: env).resolve { _ in
            file
        }
        #expect(settings.databasePath == "flag.sqlite")
        #expect(settings.rateLimits.scale == 60)
        #expect(settings.baseURL.absoluteString == "http://127.0.0.1:9999")
        #expect(settings.outputFolder == "file-out")
    }

    @Test func defaultsWithoutAnyFile() throws {
        let settings = try SettingsResolver(environment: [:]).resolve { _ in nil }
        #expect(settings.databasePath == "paybatch.sqlite")
        #expect(settings.outputFolder == "out")
        #expect(settings.baseURL.absoluteString == "https://api.tryfinch.com")
        #expect(settings.rateLimits.scale == 1)
        #expect(settings.rateLimits.ipLimit == 900)
        #expect(settings.requestTimeout == .seconds(360))
        #expect(settings.outputMode == .owner)
        #expect(settings.redirectURI == "http://127.0.0.1:8765/callback")
    }

    @Test(arguments: ["client_secret = \"abc\"", "key = \"AAAA\"", "  token = \"x\""])
    func aSecretInTheFileIsRefusedNamingTheLine(line: String) {
        let text = "db = \"x\"\n\(line)\n"
        do {
            _ = try ConfigFile(path: "paybatch.toml", text: text)
            Issue.record("a secret must be refused")
        } catch {
            #expect(error.line == 2)
            #expect(error.exitStatus == .dataError)
            #expect(error.message.hasPrefix("paybatch.toml:2:"))
            #expect(!error.description.contains("abc") && !error.description.contains("AAAA"))
        }
    }

    @Test(arguments: [
        ("db = x", 1, 6), ("db = \"x", 1, 6), ("[other]", 1, 2), ("nonsense", 1, 1),
        ("colour = \"red\"", 1, 1),
        ("db = \"a\" b", 1, 6),
    ])
    func malformedLinesNameLineAndColumn(text: String, line: Int, column: Int) {
        do {
            _ = try ConfigFile(path: "p.toml", text: text)
            Issue.record("\(text) must be refused")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func badValuesAreUsageErrorsForFlagsAndDataErrorsElsewhere() {
        #expect(throws: RunStop.self) {
            try SettingsResolver(flags: ["rate_scale": "fast"], environment: [:]).resolve { _ in nil }
        }
        do {
            _ = try SettingsResolver(flags: ["rate_scale": "-1"], environment: [:]).resolve { _ in nil }
        } catch let stop as RunStop {
            #expect(stop.exitStatus == .usage)
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try SettingsResolver(environment: ["PAYBATCH_RATE_SCALE": "x"]).resolve { _ in nil }
        } catch let stop as RunStop {
            #expect(stop.exitStatus == .dataError)
            #expect(stop.message.contains("PAYBATCH_RATE_SCALE"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anExplicitConfigThatDoesNotExistIsAConfigurationError() {
        #expect(throws: RunStop.self) {
            try SettingsResolver(environment: ["PAYBATCH_CONFIG": "/nope.toml"]).resolve { _ in nil }
        }
    }

    @Test func theKeyFilePathMayComeFromTheFileButTheEnvironmentWins() throws {
        let text = "key_file = \"/etc/paybatch/paybatch.key\"\n"
        #expect(
            try SettingsResolver(environment: [:]).resolve { _ in text }.keyFile
                == "/etc/paybatch/paybatch.key")
        let env = ["PAYBATCH_KEY_FILE": "/run/key"]
        #expect(try SettingsResolver(environment: env).resolve { _ in text }.keyFile == "/run/key")
    }

    @Test func anEmptyPAYBATCH_CONFIGCountsAsUnset() throws {
        let settings = try SettingsResolver(environment: ["PAYBATCH_CONFIG": ""]).resolve { _ in nil }
        #expect(settings.configPath == nil)
    }

    @Test func theJobsBucketIsTwentyAMinuteUnlessTheFileSaysOtherwise() throws {
        let plain = try SettingsResolver(environment: [:]).resolve { _ in nil }
        #expect(plain.rateLimits.limit(for: .jobs) == 20)
        let raised = try SettingsResolver(environment: [:]).resolve { _ in "[rate_limits]\njobs = 5\n" }
        #expect(raised.rateLimits.limit(for: .jobs) == 5)
        #expect(FinchEndpoint.createAutomatedJob.bucket == .jobs)
        #expect(FinchEndpoint.automatedJob.bucket == .jobs)
        #expect(!RateLimitBucket.listed(includingBenefits: true).contains(.jobs))
    }

    @Test func unknownRateLimitBucketsNameTheLine() {
        #expect(throws: ConfigFileError.self) {
            try SettingsResolver(environment: [:]).resolve { _ in "[rate_limits]\npayroll = 5\n" }
        }
    }
}

@Suite("Configuration: budget share")
struct BudgetShareSettingTests {
    @Test func theShareComesFromFlagEnvironmentOrFileAndDefaultsToAll() throws {
        let none = try SettingsResolver(environment: [:]).resolve { _ in nil }
        #expect(none.rateLimits.budgetShare == 1)
        let file = try SettingsResolver(environment: [:]).resolve { _ in "budget_share = 0.25\n" }
        #expect(file.rateLimits.budgetShare == 0.25 && file.rateLimits.limit(for: .company) == 5)
        let env = try SettingsResolver(environment: ["PAYBATCH_BUDGET_SHARE": "0.5"]).resolve { _ in
            "budget_share = 0.25\n"
        }
        #expect(env.rateLimits.budgetShare == 0.5)
        let flag = try SettingsResolver(
            flags: ["budget_share": "1"], environment: ["PAYBATCH_BUDGET_SHARE": "0.5"]
        )
        .resolve { _ in nil }
        #expect(flag.rateLimits.budgetShare == 1)
    }

    @Test(arguments: ["0", "-0.5", "1.5", "half", "nan", "inf"])
    func aShareOutsideZeroToOneIsRefusedSayingWhatItMustBe(value: String) {
        let flag = expectFailure(.usage) {
            _ = try SettingsResolver(flags: ["budget_share": value], environment: [:]).resolve { _ in nil }
        }
        #expect(
            flag?.message.contains("--budget-share") == true && flag?.message.contains("at most 1") == true)
        let env = expectFailure(.dataError) {
            _ = try SettingsResolver(environment: ["PAYBATCH_BUDGET_SHARE": value]).resolve { _ in nil }
        }
        #expect(env?.message.contains("PAYBATCH_BUDGET_SHARE") == true)
        let file = expectFailure(.dataError) {
            _ = try SettingsResolver(environment: [:]).resolve { _ in "budget_share = \"\(value)\"\n" }
        }
        #expect(file?.message.contains("paybatch.toml:1") == true)
    }
}

@Suite("Configuration: the store's location")
struct StoreLocationSettingTests {
    @Test("a PostgreSQL URL is taken as such; a bad one is refused naming where it came from")
    func aPostgresURLIsCheckedWhereItComesFrom() throws {
        let url = "postgres://paybatch@db.internal:5432/paybatch"
        let good = try SettingsResolver(flags: ["db": url], environment: [:]).resolve { _ in nil }
        #expect(try StoreLocation(good.databasePath) == .postgres(PostgresURL(parsing: url)))
        let flag = expectFailure(.usage) {
            _ = try SettingsResolver(
                flags: ["db": "postgres://paybatch:hunter2@db.internal:5432/paybatch"], environment: [:]
            )
            .resolve { _ in nil }
        }
        #expect(flag?.message.contains("--db") == true && flag?.message.contains("password") == true)
        #expect(flag?.message.contains("hunter2") == false)
        let env = expectFailure(.dataError) {
            _ = try SettingsResolver(environment: ["PAYBATCH_DB": "postgresql://u@h/d?sslmode=nope"])
                .resolve { _ in nil }
        }
        #expect(env?.message.contains("PAYBATCH_DB") == true)
        // A path stays SQLite, even one naming postgres.
        let path = try SettingsResolver(flags: ["db": "postgres-backup/paybatch.sqlite"], environment: [:])
            .resolve { _ in nil }
        #expect(path.databasePath == "postgres-backup/paybatch.sqlite")
    }
}
