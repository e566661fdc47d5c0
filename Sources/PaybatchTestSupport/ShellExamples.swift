import Foundation

/// The fenced shell blocks of a Markdown file, as the README test reads them.
///
/// A block is runnable when the line just before its opening fence is exactly
/// `<!-- example: sandbox -->`. A command is one logical line (physical lines ending in `\` are
/// joined); it is expected to exit 0 unless its comment begins with `exit N` (`# exit 3: …`).
public struct ShellExamples: Sendable {
    /// The marker line that makes the next fenced block runnable.
    public static let marker = "<!-- example: sandbox -->"

    /// One fenced `sh` block.
    public struct Block: Sendable {
        /// The 1-based line of the opening fence.
        public var line: Int
        /// Whether the marker precedes the block.
        public var runnable: Bool
        /// The block's commands, blank and comment-only lines left out.
        public var commands: [Command]

        /// Whether any command runs `paybatch` (outside comments).
        public var runsPaybatch: Bool { commands.contains { $0.runsPaybatch } }
    }

    /// One logical command line.
    public struct Command: Sendable {
        /// The 1-based line where the command starts.
        public var line: Int
        /// The command as written, continuation lines included.
        public var text: String
        /// The exit code its `# exit N` comment states, else 0.
        public var expectedExit: Int32

        /// The command without its comment, trimmed.
        public var code: String {
            ShellExamples.splitComment(text).code.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Whether `paybatch` is a command word in it (first word, or after `;`, `&&`, `|`).
        public var runsPaybatch: Bool {
            code.range(of: #"(^|[;&|(]\s*)paybatch\s"#, options: .regularExpression) != nil
        }
    }

    /// Every `sh`/`bash`/`shell` block, in the order of the file.
    public let blocks: [Block]

    /// Reads the blocks of `markdown`.
    public init(markdown: String) {
        let lines = markdown.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let fence = lines[index].trimmingCharacters(in: .whitespaces)
            guard ["```sh", "```bash", "```shell"].contains(fence) else {
                index += 1
                continue
            }
            let runnable = index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces) == Self.marker
            var body: [(Int, String)] = []
            var cursor = index + 1
            while cursor < lines.count, !lines[cursor].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append((cursor + 1, lines[cursor]))
                cursor += 1
            }
            blocks.append(Block(line: index + 1, runnable: runnable, commands: Self.commands(body)))
            index = cursor + 1
        }
        self.blocks = blocks
    }

    /// Joins continuation lines and reads each command's expected exit code.
    static func commands(_ body: [(Int, String)]) -> [Command] {
        var commands: [Command] = []
        var pending: (line: Int, text: String)?
        for (line, raw) in body {
            let text = pending.map { $0.text + "\n" + raw } ?? raw
            let start = pending?.line ?? line
            if raw.hasSuffix("\\") {
                pending = (start, text)
                continue
            }
            pending = nil
            let parts = splitComment(text)
            if parts.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            commands.append(Command(line: start, text: text, expectedExit: expectedExit(parts.comment)))
        }
        return commands
    }

    /// `exit N` at the start of a comment, else 0.
    static func expectedExit(_ comment: String) -> Int32 {
        let words = comment.drop { $0 == "#" || $0 == " " }
        guard words.hasPrefix("exit ") else { return 0 }
        return Int32(words.dropFirst(5).prefix { $0.isNumber }) ?? 0
    }

    /// Splits a command at its first `#` that starts a shell comment: outside quotes, and at the
    /// start of a word.
    static func splitComment(_ text: String) -> (code: String, comment: String) {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous.isWhitespace {
                return (String(text[..<index]), String(text[index...]))
            }
            previous = character
        }
        return (text, "")
    }
}
