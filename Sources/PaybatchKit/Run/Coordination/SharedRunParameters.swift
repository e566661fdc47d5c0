/// What the first worker of a shared export run fixes for every worker that joins it (issue 22):
/// the files are rendered once, by one of them, so they must all have been asked for the same.
public struct SharedRunParameters: Sendable, Equatable, Codable {
    public var only: [String]
    public var fresh: Bool
    public var formats: [String]
    public var templates: String?
    public var keepRuns: Int
    public var out: String

    public init(
        only: [String], fresh: Bool, formats: [String], templates: String?, keepRuns: Int, out: String
    ) {
        // Sorted: `--only a,b` and `--only b,a` ask for the same run.
        self.only = only.sorted()
        self.fresh = fresh
        self.formats = formats.sorted()
        self.templates = templates
        self.keepRuns = keepRuns
        self.out = out
    }

    /// An export's parameters as its options hold them.
    public init(_ options: ExportOptions) {
        self.init(
            only: options.only, fresh: options.fresh,
            formats: (options.writeCSV ? ["csv"] : []) + (options.writeXLSX ? ["xlsx"] : []),
            templates: options.templatesFolder, keepRuns: options.keepRuns, out: options.outputRoot)
    }

    /// The flags whose values differ from `other`'s, in the order `paybatch export --help` lists them.
    public func differences(from other: SharedRunParameters) -> [String] {
        var names: [String] = []
        if only != other.only { names.append("--only") }
        if fresh != other.fresh { names.append("--fresh") }
        if formats != other.formats { names.append("--formats") }
        if templates != other.templates { names.append("--templates") }
        if keepRuns != other.keepRuns { names.append("--keep-runs") }
        if out != other.out { names.append("--out") }
        return names
    }
}
