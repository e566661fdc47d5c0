/// Turns a parsed template into a `ReportTemplate`, checking every key, field and type and naming
/// the line of the first that is wrong.
struct TemplateReader<Field: ReportField> {
    let file: String

    private static var topKeys: [String] { ["sheet", "file", "columns", "description"] }
    private static var columnKeys: [String] { ["field", "header", "type", "format", "width"] }

    func template(from root: PositionedJSON.Node) throws(TemplateFailure) -> ReportTemplate<Field> {
        let members = try object(root, what: "the template")
        var sheet: String?
        var fileName: String?
        var columns: [TemplateColumn<Field>]?
        for member in members {
            switch member.key {
            case "sheet": sheet = try sheetName(member.node)
            case "file":
                if case .null = member.node.value { continue }
                fileName = try csvName(member.node)
            case "columns": columns = try columnList(member.node)
            case "description": _ = try string(member.node, what: "description")
            default: throw unknownKey(member, known: Self.topKeys)
            }
        }
        guard let sheet else { throw fail(root, "missing \"sheet\" (the XLSX sheet name)") }
        guard let columns else { throw fail(root, "missing \"columns\" (the list of columns)") }
        return ReportTemplate(sheet: sheet, file: fileName, columns: columns)
    }

    private func columnList(_ node: PositionedJSON.Node) throws(TemplateFailure) -> [TemplateColumn<Field>] {
        guard case .array(let items) = node.value, !items.isEmpty else {
            throw fail(node, "\"columns\" must be a non-empty list of columns")
        }
        var columns: [TemplateColumn<Field>] = []
        for item in items { columns.append(try column(item)) }
        return columns
    }

    private func column(_ node: PositionedJSON.Node) throws(TemplateFailure) -> TemplateColumn<Field> {
        let members = try object(node, what: "a column")
        var field: Field?
        var header: String?
        var typeMember: PositionedJSON.Member?
        var format: String?
        var width: Double?
        for member in members {
            switch member.key {
            case "field":
                let name = try string(member.node, what: "field")
                guard let f = Field(rawValue: name) else {
                    throw TemplateFailure(
                        file: file, line: member.node.position.line,
                        problem: "unknown field \"\(name)\" for the \(Field.reportName) report",
                        suggestion: EditDistance.nearest(to: name, in: Field.allCases.map(\.rawValue)))
                }
                field = f
            case "header": header = try string(member.node, what: "header")
            case "type": typeMember = member
            case "format": format = try string(member.node, what: "format")
            case "width":
                guard case .number(let w) = member.node.value, (1...255).contains(w) else {
                    throw fail(member.node, "\"width\" must be a number from 1 to 255")
                }
                width = w
            default: throw unknownKey(member, known: Self.columnKeys)
            }
        }
        guard let field else { throw fail(node, "a column needs a \"field\"") }
        var type = field.type
        if let typeMember {
            type = try cellType(typeMember, for: field)
        }
        return TemplateColumn(field: field, header: header, type: type, format: format, width: width)
    }

    private func cellType(
        _ member: PositionedJSON.Member, for field: Field
    ) throws(TemplateFailure) -> CellType {
        let name = try string(member.node, what: "type")
        guard let type = CellType(rawValue: name) else {
            throw TemplateFailure(
                file: file, line: member.node.position.line, problem: "unknown type \"\(name)\"",
                suggestion: EditDistance.nearest(to: name, in: CellType.allCases.map(\.rawValue)))
        }
        guard field.allowedTypes.contains(type) else {
            let allowed = field.allowedTypes.map(\.rawValue).joined(separator: " or ")
            throw fail(member.node, "field \"\(field.rawValue)\" cannot be shown as \(name); use \(allowed)")
        }
        return type
    }

    private func sheetName(_ node: PositionedJSON.Node) throws(TemplateFailure) -> String {
        let name = try string(node, what: "sheet")
        // Excel's rules for sheet names; 26 leaves room for a spill suffix such as " (12)".
        guard (1...26).contains(name.count), !name.contains(where: { "[]:*?/\\".contains($0) }),
            !name.hasPrefix("'"), !name.hasSuffix("'")
        else {
            throw fail(
                node, "sheet name \"\(name)\" must be 1 to 26 characters, without []:*?/\\ or edge quotes")
        }
        return name
    }

    private func csvName(_ node: PositionedJSON.Node) throws(TemplateFailure) -> String {
        let name = try string(node, what: "file")
        guard name.hasSuffix(".csv"), !name.contains("/"), !name.hasPrefix(".") else {
            throw fail(node, "\"file\" must be a plain file name ending in .csv, got \"\(name)\"")
        }
        return name
    }

    private func object(
        _ node: PositionedJSON.Node, what: String
    ) throws(TemplateFailure)
        -> [PositionedJSON.Member]
    {
        guard case .object(let members) = node.value else {
            throw fail(node, "\(what) must be a JSON object")
        }
        return members
    }

    private func string(_ node: PositionedJSON.Node, what: String) throws(TemplateFailure) -> String {
        guard case .string(let s) = node.value else { throw fail(node, "\"\(what)\" must be a string") }
        return s
    }

    private func unknownKey(_ member: PositionedJSON.Member, known: [String]) -> TemplateFailure {
        TemplateFailure(
            file: file, line: member.keyPosition.line, problem: "unknown key \"\(member.key)\"",
            suggestion: EditDistance.nearest(to: member.key, in: known))
    }

    private func fail(_ node: PositionedJSON.Node, _ problem: String) -> TemplateFailure {
        TemplateFailure(file: file, line: node.position.line, problem: problem)
    }
}
