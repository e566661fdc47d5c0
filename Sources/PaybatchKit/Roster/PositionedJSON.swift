/// A small JSON parser that remembers the line and column of every value and key, so that an
/// error in a template can name the line a user must edit. Templates are small; speed is no goal.
struct PositionedJSON {
    /// Where something stands in the text, 1-based.
    struct Position: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    /// One parsed value and where it began.
    indirect enum Value {
        case object([Member])
        case array([Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Node {
        var value: Value
        var position: Position
    }

    struct Member {
        var key: String
        var keyPosition: Position
        var node: Node
    }

    /// A syntax error with its position.
    struct SyntaxError: Error {
        var message: String
        var position: Position
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Parses a whole document; anything after the top value but white space is an error.
    static func parse(_ text: String) throws(SyntaxError) -> Node {
        var parser = PositionedJSON(bytes: Array(text.utf8))
        let node = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the end") }
        return node
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var position: Position {
        // Columns count characters, not bytes: continuation bytes of UTF-8 are skipped.
        let column = bytes[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return Position(line: line, column: column)
    }

    private func error(_ message: String) -> SyntaxError { SyntaxError(message: message, position: position) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func value() throws(SyntaxError) -> Node {
        skipSpace()
        let start = position
        guard index < bytes.count else { throw error("unexpected end of the text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return Node(value: try object(), position: start)
        case UInt8(ascii: "["): return Node(value: try array(), position: start)
        case UInt8(ascii: "\""): return Node(value: .string(try string()), position: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return Node(value: .bool(true), position: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return Node(value: .bool(false), position: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return Node(value: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Node(value: .number(try number()), position: start)
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
            throw error("unexpected character")
        }
        index += w.count
    }

    private mutating func number() throws(SyntaxError) -> Double {
        let begin = index
        while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        guard let d = Double(String(decoding: bytes[begin..<index], as: UTF8.self)) else {
            index = begin
            throw error("not a number")
        }
        return d
    }

    private mutating func object() throws(SyntaxError) -> Value {
        var members: [Member] = []
        try elements(closedBy: "}") { (parser: inout PositionedJSON) throws(SyntaxError) in
            parser.skipSpace()
            let keyPosition = parser.position
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.error("expected a key")
            }
            let key = try parser.string()
            parser.skipSpace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                throw parser.error("expected ':'")
            }
            parser.index += 1
            members.append(Member(key: key, keyPosition: keyPosition, node: try parser.value()))
        }
        return .object(members)
    }

    private mutating func array() throws(SyntaxError) -> Value {
        var items: [Node] = []
        try elements(closedBy: "]") { (parser: inout PositionedJSON) throws(SyntaxError) in
            items.append(try parser.value())
        }
        return .array(items)
    }

    /// Reads `element` after element, separated by commas, up to `closer`; the opener is current.
    private mutating func elements(
        closedBy closer: Unicode.Scalar, _ element: (inout PositionedJSON) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: closer) {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of the text: missing '\(closer)'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: closer) {
                index += 1
                return
            } else {
                throw error("expected ',' or '\(closer)'")
            }
        }
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"): out += Array(String(try unicodeEscape()).utf8)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                default: throw error("unknown escape in a string")
                }
            case 0..<32: throw error("control character in a string (a line break needs \\n)")
            default:
                out.append(b)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func unicodeEscape() throws(SyntaxError) -> Character {
        func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let v = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
            else { throw error("bad \\u escape") }
            index += 4
            return v
        }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\") {
            index += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
        return Character(scalar)
    }
}
