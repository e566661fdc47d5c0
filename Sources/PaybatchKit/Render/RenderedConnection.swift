import Foundation

/// One connection's row in the connections report and its data quality rows (one entity's, of a
/// multi-entity connection): known once its fetch has ended, written with its other rows.
struct RenderedConnection: Sendable {
    /// Its connection's place in the report order (the spool's rows are found by it).
    var index: Int
    var outcome: ConnectionOutcome
    var quality: [DataQualityRow]
    /// Its change from the previous month, every figure (the Summary); empty without a baseline.
    var changes: [PeriodChange] = []
    /// `--include benefits`: its benefits.csv and benefit_enrollments.csv rows.
    var benefits: [BenefitRow] = []
    var enrollments: [BenefitEnrollmentRow] = []
    /// How many benefit findings the check made; nil when its benefits were not read.
    var benefitFindings: Int?
}
