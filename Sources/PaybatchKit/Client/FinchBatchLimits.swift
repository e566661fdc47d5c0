import Foundation

/// The batch and page sizes Finch documents (API.md §5), and the directory page size paybatch
/// asks for (`--directory-page-size`).
public struct FinchBatchLimits: Sendable, Equatable, Codable {
    public var directoryPageSize: Int
    public var individualsPerCall: Int
    public var paymentsPerPayStatementCall: Int
    public var payStatementPageSize: Int

    public init(
        directoryPageSize: Int = 5000, individualsPerCall: Int = 10_000,
        paymentsPerPayStatementCall: Int = 10,
        payStatementPageSize: Int = 5000
    ) {
        self.directoryPageSize = directoryPageSize
        self.individualsPerCall = individualsPerCall
        self.paymentsPerPayStatementCall = paymentsPerPayStatementCall
        self.payStatementPageSize = payStatementPageSize
    }
}
