/// Why a connection is not `ok`, said on the Summary itself (issue 19): the payments whose
/// statements are still syncing, Finch's error code and message with the request id, and the
/// findings its data gave — never "see run.json", which is not in the workbook.
extension ConnectionOutcome {
    /// The reasons, most telling first; empty for an `ok` connection with nothing to say.
    func why(findings: [DataQualityRow]) -> String {
        var parts: [String] = []
        if !pendingPayments.isEmpty {
            let shown = pendingPayments.prefix(3).map(\.rawValue).joined(separator: ", ")
            let more = pendingPayments.count > 3 ? " and \(pendingPayments.count - 3) more" : ""
            parts.append(
                "\(Wording.count(pendingPayments.count, "payment")) still syncing at Finch (statements pending): \(shown)\(more)"
            )
        }
        for error in errors.suffix(3) {
            var text = error.endpoint.map { "\($0.rawValue): " } ?? ""
            text += error.httpStatus.map { "HTTP \($0) " } ?? ""
            text += error.finchCode ?? error.name ?? error.failureClass.code
            if !error.message.isEmpty { text += " — \(error.message)" }
            if let id = error.requestID { text += " (request id \(id))" }
            parts.append(text)
        }
        if errors.count > 3 { parts.append("\(errors.count - 3) earlier errors in run.json") }
        if let message, !parts.contains(where: { $0.contains(message) }) {
            // Finch's connection-status message is sometimes one word (`pending`, `reauth`): say whose.
            parts.append(message.contains(" ") ? message : "Finch's connection status says \"\(message)\"")
        }
        let codes = Dictionary(grouping: findings.compactMap(\.check), by: { $0 })
        if !codes.isEmpty, status != .ok {
            let listed = codes.keys.sorted().map { "\($0) ×\(codes[$0]!.count)" }.joined(separator: ", ")
            parts.append("findings on the Findings sheet: \(listed)")
        }
        return parts.joined(separator: "; ")
    }
}
