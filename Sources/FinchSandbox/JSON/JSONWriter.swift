/// Writes compact JSON straight into bytes, for the bodies the sandbox answers by the thousand (pay
/// statements, people): building and freeing their `JSONValue` trees took about half the time of a
/// large answer. The bytes are exactly those of the same tree, for the scalars are written by
/// `JSONValue`'s own functions; a test compares both for every generated record.
///
/// A comma goes before a key or value unless it opens a container, follows a key or starts the
/// bytes, so callers only say what comes next.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    private mutating func separate() {
        switch bytes.last {
        case nil, UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"): break
        default: bytes.append(UInt8(ascii: ","))
        }
    }

    /// An object key; keys are plain ASCII literals, so they are copied without escaping.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        JSONValue.writeLiteral(name, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func null() {
        separate()
        JSONValue.writeLiteral("null", into: &bytes)
    }

    mutating func bool(_ value: Bool) {
        separate()
        JSONValue.writeLiteral(value ? "true" : "false", into: &bytes)
    }

    /// A number, `null` when absent.
    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        separate()
        JSONValue.writeInt(value, into: &bytes)
    }

    /// A number as `JSONValue.double` writes it, `null` when absent.
    mutating func double(_ value: Double?) {
        guard let value else { return null() }
        separate()
        JSONValue.writeDouble(value, into: &bytes)
    }

    /// A string, `null` when absent.
    mutating func string(_ value: String?) {
        guard let value else { return null() }
        separate()
        JSONValue.writeString(value, into: &bytes)
    }

    /// A tree, for the small parts that are easier to say as one.
    mutating func value(_ value: JSONValue) {
        separate()
        value.write(into: &bytes)
    }

    /// An object whose members `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array whose elements `body` writes.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        body(&self)
        bytes.append(UInt8(ascii: "]"))
    }

    // A key and its value in one call, so a record reads as its list of fields.

    mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        self.key(key)
        int(value)
    }

    mutating func field(_ key: StaticString, _ value: Double?) {
        self.key(key)
        double(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    mutating func field(_ key: StaticString, _ value: JSONValue) {
        self.key(key)
        self.value(value)
    }

    mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        object(body)
    }

    mutating func array(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        array(body)
    }
}
