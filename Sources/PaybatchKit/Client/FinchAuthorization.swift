import Foundation

/// How a request authenticates (API.md §1).
public enum FinchAuthorization: Sendable {
    case bearer(AccessToken)
    case basic(ClientCredentials)
    case none
}
