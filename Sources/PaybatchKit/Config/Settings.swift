import Foundation

/// Everything a command needs to know about where things are and how to behave, resolved once
/// from flags, then environment, then `paybatch.toml` (SPEC §1: flags win over env, env over file).
public struct Settings: Sendable {
    public var databasePath: String
    public var outputFolder: String
    public var baseURL: URL
    public var rateLimits: RateLimitConfiguration
    public var requestTimeout: Duration
    public var waitLock: Duration
    public var outputMode: OutputMode
    public var redirectURI: String
    public var clientID: String?
    /// `key_file` of the config file (a path, never a key); `PAYBATCH_KEY_FILE` wins over it.
    public var keyFile: String?
    /// The config file that was read, if any.
    public var configPath: String?
    /// What an export adds to its reports (`include = ["benefits"]`, `PAYBATCH_INCLUDE=benefits`);
    /// `export --include` wins over it.
    public var include: Set<ExportInclusion> = []

    public static let defaultRedirectURI = "http://127.0.0.1:8765/callback"
}
