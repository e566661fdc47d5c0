import Foundation

/// One generated connection (company × provider) and the scenario it plays.
public struct SandboxConnection: Sendable, Equatable {
    /// The scenario a connection exercises (SPEC §6).
    public enum Scenario: String, Sendable, Codable {
        case normal, assisted, reauth, sandboxType = "sandbox_type", disconnected, secondProvider =
            "second_provider"
        case large
        /// Three entities, one in `error_permissions`, each with data of its own (issue 21).
        case multiEntity = "multi_entity"
    }

    /// How often this connection's employer runs payroll.
    public enum Schedule: String, Sendable { case biWeekly = "bi_weekly", semiMonthly = "semi_monthly" }

    public let companyIndex: Int
    public let connectionID: String
    public let companyID: String
    public let customerID: String
    public let customerName: String
    public let providerID: String
    public let scenario: Scenario
    /// The token Connect first issued (a reauth exchange issues another).
    public let accessToken: String
    /// When Finch created the connection (Dashboard export, roster).
    public let createdAt: Date
    public let disconnectedAt: Date?
    /// The last successful sync before any `/_sandbox` advance.
    public let baseLastSync: Date
    /// Directory size before any advance.
    public let people: Int
    public let schedule: Schedule

    public var clientType: String { scenario == .sandboxType ? "sandbox" : "production" }
    public var connectionType: String { scenario == .sandboxType ? "finch" : "provider" }
    public var isAssisted: Bool { scenario == .assisted }
    public var profile: ProviderProfile { ProviderProfile.named(providerID) }

    /// How its `data_sync_all` jobs end: the seventh company's provider refuses Finch the
    /// permissions and the eighth's wants the employer to log in again; every other job completes.
    public var refreshOutcome: String {
        guard scenario == .normal else { return "complete" }
        switch companyIndex {
        case 6: return "permissions_error"
        case 7: return "reauth_error"
        default: return "complete"
        }
    }
    public static let products = [
        "company", "directory", "individual", "employment", "payment", "pay_statement",
    ]

    /// A few connections have the `benefits` product (issue 21): the first company's, and both of
    /// the fourth's (two providers). Their statements are what they always were.
    public var hasBenefits: Bool {
        (scenario == .normal || scenario == .secondProvider) && (companyIndex == 0 || companyIndex == 3)
    }

    /// The products its token was granted, as introspect lists them.
    public var grantedProducts: [String] { Self.products + (hasBenefits ? ["benefits"] : []) }

    /// Whether Finch bills this connection for `period` (SPEC §8 "Billing window").
    public func isBillable(periodStart: Date, periodEnd: Date) -> Bool {
        guard clientType == "production", createdAt < periodEnd else { return false }
        if let disconnectedAt, disconnectedAt < periodStart { return false }
        return true
    }
}
