/// What decides which request stands for which stored answer: the batch and page sizes the calls
/// are made with and whether SSNs are asked for. A run's answers are all of one shape, recorded
/// with the run (`ExportRunOptions`), and read back by it (`StoredAnswers` pairs the n-th stored
/// answer of an endpoint with the n-th batch of that shape): answers of two shapes read together
/// would pair people and pages with the wrong calls.
public struct RequestShape: Sendable, Equatable, Codable {
    public var limits: FinchBatchLimits
    /// `--include-ssn`: the people's answers carry SSNs.
    public var includeSSN: Bool

    public init(limits: FinchBatchLimits, includeSSN: Bool) {
        self.limits = limits
        self.includeSSN = includeSSN
    }
}
