import Foundation

/// A config file that cannot be used: exit 65, naming the file, line and column.
public struct ConfigFileError: PaybatchFailure, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var problem: String
    public var remedy: String?

    init(path: String, line: Int, column: Int, _ problem: String, remedy: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
        self.remedy = remedy
    }

    public var exitStatus: ExitStatus { .dataError }
    public var message: String { "\(path):\(line):\(column): \(problem)." }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
