/// The people answers' bodies (`/employer/individual`, `/employer/employment`), by the same rules
/// as the statements: plain ones shaped like Finch's, hostile ones with anything anywhere.
extension WireTexts {
    /// A person-batch answer with one code-200 item per body, its id `p<index>`.
    public static func personBatch(_ bodies: [[UInt8]]) -> [UInt8] {
        let items = bodies.enumerated().map { index, body in
            Array(#"{"individual_id":"p\#(index)","code":200,"body":"#.utf8) + body + Array("}".utf8)
        }
        return Array(#"{"responses":["#.utf8) + Array(items.joined(separator: Array(",".utf8)))
            + Array("]}".utf8)
    }

    public mutating func individual() -> [UInt8] {
        if hostile, chance(20) { return anyValue(depth: 2) }
        let contact: [Field] = [("data", { $0.string() }), ("type", { $0.string() })]
        return object(
            Self.strings(
                "id", "first_name", "middle_name", "last_name", "preferred_name", "dob", "gender",
                "ethnicity",
                "marital_status", "ssn", "encrypted_ssn")
                + [
                    ("phone_numbers", { $0.list(contact) }), ("emails", { $0.list(contact) }),
                    ("residence", { $0.location() }),
                ])
    }

    public mutating func employment() -> [UInt8] {
        if hostile, chance(20) { return anyValue(depth: 2) }
        let income = Self.strings("unit", "currency", "effective_date") + [("amount", { $0.cents() })]
        return object(
            Self.strings(
                "id", "first_name", "middle_name", "last_name", "title", "employment_status", "start_date",
                "end_date", "latest_rehire_date", "class_code", "flsa_status", "source_id", "work_id")
                + [
                    ("manager", { $0.nested(Self.strings("id")) }),
                    ("department", { $0.nested(Self.strings("name")) }),
                    ("employment", { $0.nested(Self.strings("type", "subtype")) }),
                    ("is_active", { $0.bool() }), ("location", { $0.location() }),
                    ("income", { $0.nested(income) }), ("income_history", { $0.list(income) }),
                ])
    }

    private mutating func location() -> [UInt8] {
        nested(Self.strings("line1", "line2", "city", "state", "postal_code", "country", "name", "source_id"))
    }

    /// Fields whose values are strings.
    private static func strings(_ keys: String...) -> [Field] { keys.map { ($0, { $0.string() }) } }
}
