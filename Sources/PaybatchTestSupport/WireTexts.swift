/// Wire bodies (pay statements here, people in `WireTexts+People.swift`) as JSON bytes, made by a
/// seeded generator: `plain` ones shaped like Finch's, and
/// `hostile` ones with every field sometimes null, missing, repeated, of another type, under an
/// escaped key, or holding text that is not UTF-8 — yet always JSON by grammar, as a page must
/// be for `JSONSlices` to hand its statements out.
public struct WireTexts {
    private var random: SeededRandom
    let hostile: Bool

    public init(seed: UInt64, hostile: Bool) {
        random = SeededRandom(seed: seed)
        self.hostile = hostile
    }

    /// A `POST /employer/pay-statement` answer holding `statements` in one page.
    public static func page(_ statements: [[UInt8]]) -> [UInt8] {
        Array(
            #"{"responses":[{"payment_id":"pay-1","code":200,"body":{"paging":{"count":1,"offset":0},"#.utf8)
            + Array(#""pay_statements":["#.utf8) + Array(statements.joined(separator: Array(",".utf8)))
            + Array("]}}]}".utf8)
    }

    public mutating func statement() -> [UInt8] {
        if hostile, chance(20) { return anyValue(depth: 2) }
        let line: [Field] = [
            ("type", { $0.string() }), ("name", { $0.string() }), ("currency", { $0.string() }),
        ]
        return object([
            ("individual_id", { $0.string() }), ("type", { $0.string() }),
            ("payment_method", { $0.string() }),
            ("total_hours", { $0.number() }), ("gross_pay", { $0.money() }), ("net_pay", { $0.money() }),
            ("earnings", { $0.list(line + [("amount", { $0.cents() }), ("hours", { $0.number() })]) }),
            ("taxes", { $0.list(line + [("employer", { $0.bool() }), ("amount", { $0.cents() })]) }),
            (
                "employee_deductions",
                { $0.list(line + [("amount", { $0.cents() }), ("pre_tax", { $0.bool() })]) }
            ),
            ("employer_contributions", { $0.list(line + [("amount", { $0.cents() })]) }),
        ])
    }

    typealias Field = (key: String, value: (inout WireTexts) -> [UInt8])

    mutating func chance(_ oneIn: Int) -> Bool { Int.random(in: 0..<oneIn, using: &random) == 0 }
    mutating func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &random)! }

    /// Fields in shuffled order; hostile ones are sometimes left out, doubled, or given under a key
    /// written with escapes or of another type, among keys nobody asked for.
    mutating func object(_ fields: [Field]) -> [UInt8] {
        var members: [[UInt8]] = []
        for field in fields {
            let copies = hostile ? pick([0, 1, 1, 1, 1, 2, 3]) : 1
            for _ in 0..<copies {
                let value = hostile && chance(5) ? anyValue(depth: 2) : field.value(&self)
                members.append(key(field.key) + Array(":".utf8) + value)
            }
        }
        if hostile {
            for _ in 0..<pick([0, 0, 1, 2]) {
                members.append(anyString(depth: 0) + Array(":".utf8) + anyValue(depth: 0))
            }
            members.shuffle(using: &random)
        }
        return Array("{".utf8) + Array(members.joined(separator: Array(",".utf8))) + Array("}".utf8)
    }

    /// Hostile keys are now and then written another way: escaped (the same key), or a near miss
    /// (another key); rarely one that is not a readable string, which makes the object unreadable.
    private mutating func key(_ name: String) -> [UInt8] {
        if hostile, chance(80) {
            return chance(2)
                ? Array("\"\(name.dropLast())\\ud800\"".utf8)
                : Array("\"\(name)".utf8) + [0xFF] + Array("\"".utf8)
        }
        guard hostile, chance(4) else { return Array("\"\(name)\"".utf8) }
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return Array("\"\\u00\(String(name.utf8.first!, radix: 16))\(name.dropFirst())\"".utf8)
        case 1:
            return Array(
                "\"\(name.dropLast())\\u00\(String(name.utf8.last!, radix: 16, uppercase: true))\"".utf8)
        case 2: return Array("\"\(name.uppercased())\"".utf8)
        case 3: return Array("\"\(name)\\u0000\"".utf8)
        default: return Array("\"\(name)\u{301}\"".utf8)
        }
    }

    mutating func list(_ fields: [Field]) -> [UInt8] {
        if hostile, chance(8) { return anyValue(depth: 1) }
        let count = Int.random(in: 0...(hostile ? 4 : 3), using: &random)
        let elements = (0..<count).map { _ in
            hostile && chance(5) ? anyValue(depth: 1) : object(fields)
        }
        return Array("[".utf8) + Array(elements.joined(separator: Array(",".utf8))) + Array("]".utf8)
    }

    private mutating func money() -> [UInt8] {
        nested([("amount", { $0.cents() }), ("currency", { $0.string() })])
    }

    /// An object inside another; hostile ones are now and then any other value.
    mutating func nested(_ fields: [Field]) -> [UInt8] {
        if hostile, chance(6) { return anyValue(depth: 1) }
        return object(fields)
    }

    mutating func string() -> [UInt8] {
        guard hostile else {
            return Array("\"\(pick(["usd", "regular", "salary", "401k", "Pre-Tax 401k", "0042"]))\"".utf8)
        }
        return anyString(depth: 0)
    }

    mutating func cents() -> [UInt8] {
        guard hostile else { return Array(String(Int.random(in: -1000...5_000_000, using: &random)).utf8) }
        return chance(3) ? anyValue(depth: 0) : numberText()
    }

    private mutating func number() -> [UInt8] {
        guard hostile else { return Array(pick(["80", "42.5", "2.5", "40", "80.0", "7.25"]).utf8) }
        return chance(3) ? anyValue(depth: 0) : numberText()
    }

    mutating func bool() -> [UInt8] {
        guard hostile else { return Array(pick(["true", "false"]).utf8) }
        let texts = ["true", "false", "0", "1", "2", "-1", "1.0", "0.0", "-0", "1e0", "10e-1", "0.1e1"]
        let strings = [
            "\"true\"", "\"FALSE\"", "\"tRuE\"", "\"yes\"", "\"\"", "\"\\u0074rue\"", "\"t\u{212A}\"",
        ]
        return chance(3) ? anyValue(depth: 0) : Array(pick(texts + strings).utf8)
    }

    /// Numbers in every form JSON allows, with the edges of Int64, of 9e15, and of Decimal.
    private mutating func numberText() -> [UInt8] {
        let fixed = [
            "0", "-0", "42", "42.5", "42.50", "-0.0", "1e2", "1E-3", "0.1", "1.0", "1e0", "100e-2", "0.1e1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999", "9000000000000000", "9000000000000000.0", "8999999999999999.0",
            "-8999999999999999.0", "9e15", "8.999999999999999e15", "12345678901234567.0", "1234.5",
            "1e400", "-1e-400", "5e-324", "1.7976931348623157e308", "123456789012345678901234567890.5",
            "3.14159265358979323846264338327950288", "0.000000000000000000000000000000000000001",
            "1e127", "1e128", "1e-128", "1e-129", "1E+2", "-5e-2", "2.5", "1234.0",
        ]
        if chance(2) { return Array(pick(fixed).utf8) }
        var text = chance(3) ? "-" : ""
        text += String(Int.random(in: 0...9, using: &random))
        if text.last != "0" {
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                text += String(Int.random(in: 0...9, using: &random))
            }
        }
        if chance(2) {
            text +=
                "."
                + (0..<Int.random(in: 1...20, using: &random)).map { _ in
                    "\(Int.random(in: 0...9, using: &random))"
                }.joined()
        }
        if chance(3) {
            text +=
                pick(["e", "E"]) + pick(["", "+", "-"]) + String(Int.random(in: 0...300, using: &random))
        }
        return Array(text.utf8)
    }

    /// Strings plain, unicode, escaped (surrogate pairs, lone surrogates) and not UTF-8.
    private mutating func anyString(depth: Int) -> [UInt8] {
        let texts = [
            "", "usd", "regular", "Overtime", "é", "e\u{301}", "😀", "日本", "=SUM(A1)", "a b", "K", "\u{212A}",
            "\\n", "\\\"q\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\u0000",
            "a\\tb", "\\uD83D\\uDE00", "\\ud83dx",
        ]
        var bytes = Array("\"".utf8) + Array(pick(texts).utf8)
        if chance(8) {
            bytes += pick([[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]])
        }
        if chance(6) { bytes += Array(pick(texts).utf8) }
        return bytes + Array("\"".utf8)
    }

    /// Any JSON value, containers nested up to `depth`, now and then nested very deep.
    mutating func anyValue(depth: Int) -> [UInt8] {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &random) {
        case 0: return Array(pick(["null", "true", "false"]).utf8)
        case 1, 2: return numberText()
        case 3, 4: return anyString(depth: depth)
        case 5:
            if chance(20) {
                return Array((String(repeating: "[", count: 300) + String(repeating: "]", count: 300)).utf8)
            }
            let elements = (0..<Int.random(in: 0...3, using: &random)).map { _ in anyValue(depth: depth + 1) }
            return Array("[".utf8) + Array(elements.joined(separator: Array(",".utf8))) + Array("]".utf8)
        default:
            let members = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                anyString(depth: depth) + Array(":".utf8) + anyValue(depth: depth + 1)
            }
            return Array("{".utf8) + Array(members.joined(separator: Array(",".utf8))) + Array("}".utf8)
        }
    }
}
