import Foundation

/// reconciliation.json in SPEC §8's shape, written by hand so that keys are sorted, amounts are
/// exact decimals and the bytes depend on nothing but the inputs (no times).
enum ReconciliationJSON {
    /// A JSON value with numbers kept as their exact text.
    indirect enum Value {
        case object([(String, Value)])
        case array([Value])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    static func document(_ r: Reconciliation, inputs: [ReconcileInputFile], roster: RosterSource) -> String {
        let categories = ReconciliationCategory.allCases.map { category -> (String, Value) in
            let total = r.total(of: category)
            return (
                category.rawValue,
                .object([
                    ("billed", money(total.billed)), ("companies", .number(String(total.companies))),
                    ("expected", money(total.expected)),
                ])
            )
        }
        var root: [(String, Value)] = [
            ("categories", .object(categories)), ("companies", .array(r.companies.map(company))),
            ("connections", .array(r.connections.map(connection))), ("currency", text(r.currency)),
            (
                "inputs",
                .array(
                    inputs.map {
                        .object([
                            ("path", .string($0.path)), ("role", .string($0.role)),
                            ("sha256", .string($0.sha256)),
                        ])
                    })
            ),
            ("period", .string(r.period.description)),
            (
                "roster",
                .object([
                    ("connections", .number(String(roster.connections))), ("path", .string(roster.path)),
                ])
            ),
            ("tolerance", money(r.tolerance)),
            (
                "totals",
                .object([
                    ("billed", money(r.billedTotal)), ("expected", money(r.expectedTotal)),
                    ("variance", money(r.variance)),
                ])
            ),
            ("unit_price", money(r.unitPrice)),
        ]
        if let account = r.accountTotal {
            root.append(
                (
                    "account_total",
                    .object([
                        ("billable_connections", .number(String(account.billableConnections))),
                        ("billed_amount", money(account.billedAmount)),
                        ("billed_quantity", .number(String(account.billedQuantity))),
                        ("expected_amount", money(account.expectedAmount)),
                        ("lines", .array(account.lines.map { .number(String($0)) })),
                        ("matched", .bool(account.matched)), ("variance", money(account.variance)),
                    ])
                ))
        }
        var out = ""
        write(.object(root), into: &out, indent: 0)
        return out + "\n"
    }

    private static func company(_ c: ReconciledCompany) -> Value {
        .object([
            ("action", text(c.action == .none ? nil : c.action.rawValue)),
            ("billable_connections", .number(String(c.billableConnections))),
            ("billed_amount", money(c.billedAmount)),
            ("billed_quantity", .number(String(c.billedQuantity))),
            ("category", .string(c.category.rawValue)),
            ("company_id", text(c.companyID?.rawValue)),
            ("connection_ids", .array(c.connectionIDs.map { .string($0.rawValue) })),
            ("currency", text(c.currency)),
            (
                "customers",
                .array(
                    c.customers.map {
                        .object([("customer_id", .string($0.id.rawValue)), ("customer_name", text($0.name))])
                    })
            ),
            ("expected_amount", money(c.expectedAmount)),
            ("flags", .array(c.flags.sorted().map { .string($0.rawValue) })), ("key", .string(c.key)),
            ("message", .string(c.message)), ("providers", .array(c.providers.map { .string($0.rawValue) })),
            ("unit_price", money(c.unitPrice)), ("variance", money(c.variance)),
        ])
    }

    private static func connection(_ c: ReconciledConnection) -> Value {
        .object([
            ("added_at", text(c.addedAt?.description)), ("billable", .bool(c.billable)),
            ("billed_quantity", .number(String(c.billedQuantity))), ("client_type", text(c.clientType)),
            ("company_id", text(c.companyID?.rawValue)), ("connection_id", .string(c.connectionID.rawValue)),
            ("customer_id", text(c.customerID?.rawValue)), ("customer_name", text(c.customerName)),
            ("disconnect_source", text(c.disconnectSource)),
            ("disconnected_at", text(c.disconnectedAt?.description)),
            ("flags", .array(c.flags.sorted().map { .string($0.rawValue) })),
            ("in_roster", .bool(c.inRoster)), ("key", .string(c.key)), ("on_dashboard", .bool(c.onDashboard)),
            ("on_invoice", .bool(c.onInvoice)), ("provider_id", text(c.providerID?.rawValue)),
            ("status", .string(c.status)),
        ])
    }

    private static func money(_ cents: Cents?) -> Value { cents.map { .number($0.decimalString) } ?? .null }
    private static func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }

    private static func write(_ value: Value, into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch value {
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            for (i, (key, member)) in members.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
                .enumerated()
            {
                out += pad + quoted(key) + ": "
                write(member, into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        case .array(let items):
            guard !items.isEmpty else { return out += "[]" }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .string(let s): out += quoted(s)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
