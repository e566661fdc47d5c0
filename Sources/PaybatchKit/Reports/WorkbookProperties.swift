import Foundation

/// The document properties of a workbook (File › Properties in Excel).
public struct WorkbookProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var comments: String
    public var author: String
    /// The creation time recorded in docProps/core.xml; nil means now. Set it for byte-stable files.
    public var created: Date?

    public init(
        title: String, subject: String, comments: String, author: String = "paybatch", created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.comments = comments
        self.author = author
        self.created = created
    }

    /// The export workbook's properties of SPEC §8: title `paybatch export YYYY-MM`, the period
    /// in the subject, the tool version in the comments.
    public static func export(period: Period, toolVersion: String, created: Date? = nil) -> WorkbookProperties
    {
        WorkbookProperties(
            title: "paybatch export \(period)", subject: "Finch HR and payroll data for \(period)",
            comments: "Written by paybatch \(toolVersion)", created: created)
    }

    /// The reconciliation workbook's properties.
    public static func reconciliation(
        period: Period, toolVersion: String, created: Date? = nil
    )
        -> WorkbookProperties
    {
        WorkbookProperties(
            title: "paybatch reconciliation \(period)", subject: "Finch billing reconciliation for \(period)",
            comments: "Written by paybatch \(toolVersion)", created: created)
    }
}
