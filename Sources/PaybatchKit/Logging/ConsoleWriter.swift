/// Where the command line's text goes: the process's standard output and standard error in the
/// command, a recording in tests. Each call writes the text as given, newlines included.
public protocol ConsoleWriter: Sendable {
    func writeOutput(_ text: String)
    func writeError(_ text: String)
}
