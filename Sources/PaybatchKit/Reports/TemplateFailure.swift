/// A template that cannot be used: names the file and line, and suggests the nearest known name.
public struct TemplateFailure: PaybatchFailure, Equatable {
    /// The template's file, as the user named it (or `(embedded) NAME` for a default).
    public var file: String
    /// 1-based line of the offending key or value; nil when the file cannot be read at all.
    public var line: Int?
    /// What is wrong, without the location.
    public var problem: String
    /// The nearest known name, when the problem is an unknown one.
    public var suggestion: String?

    public init(file: String, line: Int?, problem: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.problem = problem
        self.suggestion = suggestion
    }

    public var exitStatus: ExitStatus { .dataError }
    public var message: String {
        if let line { return "\(file), line \(line): \(problem)." }
        return "\(file): \(problem)."
    }
    public var remedy: String? {
        let catalogue = "The fields and types of every report are listed in Templates/README.md."
        if let suggestion { return "Did you mean \"\(suggestion)\"? \(catalogue)" }
        return catalogue
    }
}
