import Foundation

/// The three places a setting can come from, and the rules that combine them.
public struct SettingsResolver: Sendable {
    /// Global flags as given (`--db`, `--rate-scale`…), keyed by the config file's key names.
    public var flags: [String: String]
    public var environment: [String: String]
    /// An explicit `--config` path.
    public var configFlag: String?

    public init(flags: [String: String] = [:], environment: [String: String], configFlag: String? = nil) {
        self.flags = flags
        self.environment = environment
        self.configFlag = configFlag
    }

    /// The environment variable of each config key.
    static let environmentNames: [String: String] = [
        "db": "PAYBATCH_DB", "out": "PAYBATCH_OUT", "base_url": "FINCH_BASE_URL",
        "rate_scale": "PAYBATCH_RATE_SCALE", "request_timeout": "PAYBATCH_REQUEST_TIMEOUT",
        "client_id": "FINCH_CLIENT_ID", "output_mode": "PAYBATCH_OUTPUT_MODE",
        "redirect_uri": "PAYBATCH_REDIRECT_URI", "wait_lock": "PAYBATCH_WAIT_LOCK",
        "key_file": "PAYBATCH_KEY_FILE", "include": "PAYBATCH_INCLUDE",
        "budget_share": "PAYBATCH_BUDGET_SHARE",
    ]

    /// Reads the config file (from `--config`, else `PAYBATCH_CONFIG`, else `./paybatch.toml` when
    /// it exists) and resolves every setting. Bad values exit 64 (flags) or 65 (env and file).
    public func resolve(readFile: (String) throws -> String? = ConfigFileReader.read) throws -> Settings {
        let explicit = configFlag ?? environment["PAYBATCH_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let path = explicit ?? "paybatch.toml"
        var file: ConfigFile?
        if let text = try readFile(path) {
            file = try ConfigFile(path: path, text: text)
        } else if let explicit {
            throw RunStop(
                .configuration, "The config file \(explicit) does not exist.",
                remedy: "Create it, or drop --config / PAYBATCH_CONFIG.")
        }
        func lookup(_ key: String) -> (value: String, source: String)? {
            if let flag = flags[key] { return (flag, "--\(key.replacingOccurrences(of: "_", with: "-"))") }
            if let name = Self.environmentNames[key], let value = environment[name], !value.isEmpty {
                return (value, name)
            }
            if let entry = file?.values[key] { return (entry.value.text, "\(path):\(entry.line)") }
            return nil
        }
        func invalid(_ source: String, _ what: String) -> RunStop {
            RunStop(source.hasPrefix("--") ? .usage : .dataError, "\(source): \(what).")
        }
        let baseText = lookup("base_url")?.value ?? FinchRequestFactory.defaultBaseURL.absoluteString
        guard let baseURL = URL(string: baseText), baseURL.scheme == "http" || baseURL.scheme == "https"
        else {
            throw invalid(lookup("base_url")?.source ?? "base_url", "`\(baseText)` is not an http(s) URL")
        }
        var scale = 1.0
        if let (text, source) = lookup("rate_scale") {
            guard let value = Double(text), value >= 0, value.isFinite else {
                throw invalid(source, "the rate scale must be a number ≥ 0 (0 turns pacing off)")
            }
            scale = value
        }
        var share = 1.0
        if let (text, source) = lookup("budget_share") {
            guard let value = Double(text), value > 0, value <= 1 else {
                throw invalid(
                    source,
                    "the budget share must be a number above 0 and at most 1 (0.5 = half of every limit)")
            }
            share = value
        }
        var overrides: [RateLimitBucket: Int] = [:]
        var ipLimit = 900
        for (key, entry) in file?.rateLimits ?? [:] {
            guard case .number(let n) = entry.value, n >= 1, n.rounded() == n else {
                throw ConfigFileError(
                    path: path, line: entry.line, column: 1, "[rate_limits] \(key) must be a whole number ≥ 1"
                )
            }
            if key == "ip" {
                ipLimit = Int(n)
            } else if let bucket = RateLimitBucket(rawValue: key) {
                overrides[bucket] = Int(n)
            } else {
                throw ConfigFileError(
                    path: path, line: entry.line, column: 1,
                    "unknown bucket `\(key)`; buckets are \(RateLimitBucket.allCases.map(\.rawValue).joined(separator: ", ")) and ip"
                )
            }
        }
        func seconds(_ key: String, default value: Double) throws -> Duration {
            guard let (text, source) = lookup(key) else { return .milliseconds(Int64(value * 1000)) }
            guard let n = Double(text), n >= 0, n.isFinite else {
                throw invalid(source, "expected a number of seconds")
            }
            return .milliseconds(Int64(n * 1000))
        }
        var mode = OutputMode.owner
        if let (text, source) = lookup("output_mode") {
            guard let parsed = OutputMode(fileMode: text.trimmingCharacters(in: .whitespaces)) else {
                throw invalid(source, "output_mode is 0600 or 0640")
            }
            mode = parsed
        }
        var include: Set<ExportInclusion> = []
        if let (text, source) = lookup("include") {
            for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !name.isEmpty {
                guard let inclusion = ExportInclusion(rawValue: name) else {
                    throw invalid(source, "`\(name)` cannot be included; known: \(ExportInclusion.allNames)")
                }
                include.insert(inclusion)
            }
        }
        // A PostgreSQL URL is checked here, where its source is known; the store opens it later.
        if let (text, source) = lookup("db") {
            do {
                _ = try StoreLocation(text, environment: environment)
            } catch {
                throw RunStop(
                    source.hasPrefix("--") ? .usage : .dataError, "\(source): \(error.message)",
                    remedy: error.remedy)
            }
        }
        return Settings(
            databasePath: lookup("db")?.value ?? "paybatch.sqlite",
            outputFolder: lookup("out")?.value ?? "out",
            baseURL: baseURL,
            rateLimits: RateLimitConfiguration(
                scale: scale, perMinuteOverrides: overrides, ipLimit: ipLimit, budgetShare: share),
            requestTimeout: try seconds("request_timeout", default: 360),
            waitLock: try seconds("wait_lock", default: 0),
            outputMode: mode,
            redirectURI: lookup("redirect_uri")?.value ?? Settings.defaultRedirectURI,
            clientID: lookup("client_id")?.value,
            keyFile: lookup("key_file")?.value,
            configPath: file == nil ? nil : path, include: include)
    }
}
