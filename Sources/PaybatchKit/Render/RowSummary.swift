/// The running figures of one connection's rows, once they are all spooled.
struct RowSummary: Sendable, Equatable {
    var identity: ConnectionIdentity
    var individuals = 0
    var payments = 0
    var payStatements = 0
    /// Gross and net pay of the payments, per currency (the Summary's totals).
    var totals = CurrencyTotals()
    var qualityRows: [DataQualityRow] = []
    /// `--include benefits`: the benefits.csv and benefit_enrollments.csv rows, and how many
    /// benefit findings the check made (the Summary counts them); nil when benefits were not read.
    var benefits: [BenefitRow] = []
    var enrollments: [BenefitEnrollmentRow] = []
    var benefitFindings: Int?
}
