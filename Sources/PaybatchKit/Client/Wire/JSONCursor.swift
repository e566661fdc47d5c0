/// A position in JSON text that steps over whole values, checking the grammar as it goes
/// (RFC 8259); `JSONSlices` uses it to find ranges without building values.
struct JSONCursor {
    typealias SyntaxError = JSONSlices.SyntaxError

    let buffer: UnsafeRawBufferPointer
    var offset: Int
    /// Large containers: noted while `recording` (the checking pass), else jumped over — a text
    /// whose extents are known has been checked already.
    var extents = ContainerExtents()
    var recording = false

    init(buffer: UnsafeRawBufferPointer, offset: Int, extents: ContainerExtents = ContainerExtents()) {
        self.buffer = buffer
        self.offset = offset
        self.extents = extents
    }

    var atEnd: Bool { offset >= buffer.count }

    private var current: UInt8? { offset < buffer.count ? buffer[offset] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    /// Steps over `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        offset += 1
        return true
    }

    /// Steps over one value and answers its range.
    mutating func skipValue(depth: Int) throws(SyntaxError) -> Range<Int> {
        let start = offset
        guard depth < JSONSlices.maximumDepth, let byte = current else { throw failure }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if recording {
                try walkContainer(depth: depth)
                extents.record(start..<offset)
            } else if let end = extents.end(ofContainerAt: start) {
                offset = end
            } else {
                try walkContainer(depth: depth)
            }
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        default: try skipNumber()
        }
        return start..<offset
    }

    /// Steps over a string, escapes checked, and answers its range, quotes included.
    mutating func skipString() throws(SyntaxError) -> Range<Int> {
        let start = offset
        guard take(UInt8(ascii: "\"")) else { throw failure }
        // Strings are most of an answer's bytes: the plain ones are stepped over in a local loop
        // (the offset in a register, not stored back each byte), escapes by `skipEscape`.
        var index = offset
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                offset = index
                return start..<index
            }
            if byte == UInt8(ascii: "\\") {
                offset = index
                try skipEscape()
                index = offset
            } else if byte < 0x20 {
                throw SyntaxError(offset: index - 1)
            }
        }
        offset = index
        throw failure
    }

    private var failure: SyntaxError { SyntaxError(offset: offset) }

    /// Steps over the object or array that comes next, handing each member's key range (nil in an
    /// array) and value range to `visit`.
    mutating func walkContainer(
        depth: Int, _ visit: (_ key: Range<Int>?, _ value: Range<Int>) -> Void = { _, _ in }
    ) throws(SyntaxError) {
        let keyed = current == UInt8(ascii: "{")
        guard keyed || current == UInt8(ascii: "[") else { throw failure }
        let close = keyed ? UInt8(ascii: "}") : UInt8(ascii: "]")
        offset += 1
        skipSpace()
        if take(close) { return }
        repeat {
            skipSpace()
            var key: Range<Int>?
            if keyed {
                key = try skipString()
                skipSpace()
                guard take(UInt8(ascii: ":")) else { throw failure }
                skipSpace()
            }
            visit(key, try skipValue(depth: depth + 1))
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(close) else { throw failure }
    }

    private mutating func skipEscape() throws(SyntaxError) {
        guard let byte = current else { throw failure }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            for _ in 0..<4 {
                guard let hex = current, hex.isHexDigit else { throw failure }
                offset += 1
            }
        default:
            throw SyntaxError(offset: offset - 1)
        }
    }

    private mutating func skipLiteral(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= buffer.count else { throw failure }
        for index in 0..<count where buffer[offset + index] != word.utf8Start[index] { throw failure }
        offset += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws(SyntaxError) {
        _ = take(UInt8(ascii: "-"))
        if !take(UInt8(ascii: "0")) {
            guard let first = current, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else {
                throw failure
            }
            skipDigits()
        }
        if take(UInt8(ascii: ".")) { try skipRequiredDigits() }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            try skipRequiredDigits()
        }
    }

    private mutating func skipRequiredDigits() throws(SyntaxError) {
        guard let byte = current, byte.isDigit else { throw failure }
        skipDigits()
    }

    private mutating func skipDigits() {
        while let byte = current, byte.isDigit { offset += 1 }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    fileprivate var isHexDigit: Bool {
        isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
