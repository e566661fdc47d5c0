import Foundation

/// What became of a payment's statements (SPEC §8 `pay_statements_status`).
public enum PayStatementsStatus: String, Sendable, Codable {
    case complete, pending, partial, failed, none
}
