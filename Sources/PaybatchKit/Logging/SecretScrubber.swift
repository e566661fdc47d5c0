import Foundation
import Logging

/// The last line of defence against a secret in a log line: credentials in `Authorization`
/// form are cut to their last four characters. Types that hold secrets redact themselves first.
public enum SecretScrubber {
    public static func scrub(_ text: String) -> String {
        guard text.contains("Bearer ") || text.contains("Basic ") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "Bearer ") ?? rest.range(of: "Basic ") {
            result += rest[..<range.upperBound]
            let secret = rest[range.upperBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "," }
            result += AccessToken.redact(String(secret))
            rest = rest[secret.endIndex...]
        }
        return result + rest
    }
}
