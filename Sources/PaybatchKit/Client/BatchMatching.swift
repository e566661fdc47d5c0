/// Matches batch items to what was asked by id, never by position (API.md §5: no order is
/// documented), and turns each into ok, pending or failed.
enum BatchMatching {
    static func match<Body, ID: StringIdentifier>(
        _ items: [BatchItem<Body>], asked: [ID], response: FinchResponse
    ) -> [ID: ItemResult<Body>] {
        var results: [ID: ItemResult<Body>] = [:]
        let askedSet = Set(asked)
        for item in items {
            guard let raw = item.id else { continue }
            let id = ID(raw)
            // An answer for something not asked, or a second answer for one id, is ignored: the
            // first answer for each asked id is the one kept.
            guard askedSet.contains(id), results[id] == nil else { continue }
            results[id] = result(of: item, response: response).withItem(raw)
        }
        for id in asked where results[id] == nil {
            results[id] = .failed(
                FinchFailure(
                    failureClass: FailureClass(
                        code: "missing_from_response", retryable: false, scope: .item,
                        remedy: "Finch's batch answer left this item out; the next run asks again."),
                    endpoint: response.endpoint, httpStatus: response.status, requestID: response.requestID,
                    message: "no item for \(id) in the batch answer", itemID: id.rawValue))
        }
        return results
    }

    private static func result<Body>(of item: BatchItem<Body>, response: FinchResponse) -> ItemResult<Body> {
        switch item.outcome {
        case .data(let body):
            return .ok(body)
        case .syncInProgress:
            return .pending(response.requestID)
        case .error(let error):
            let status = item.code ?? error.code ?? 0
            return .failed(
                FinchFailure(
                    failureClass: FailureCatalogue.classify(
                        status: status, name: error.effectiveName, finchCode: error.finchCode),
                    endpoint: response.endpoint, httpStatus: status, name: error.effectiveName,
                    finchCode: error.finchCode, requestID: response.requestID,
                    message: error.effectiveMessage ?? "item answered \(status)"))
        case .unreadable:
            return .failed(
                FinchFailure(
                    failureClass: FailureClass(
                        code: "malformed_item", retryable: false, scope: .item,
                        remedy:
                            "Finch's answer for this item could not be read; report it with the request id."),
                    endpoint: response.endpoint, httpStatus: item.code, requestID: response.requestID,
                    message: "the body of the item is neither data nor an error"))
        }
    }
}

extension ItemResult {
    /// Names the item in a failure, for run.json's `item_id`.
    func withItem(_ id: String) -> ItemResult {
        guard case .failed(var failure) = self else { return self }
        failure.itemID = id
        return .failed(failure)
    }
}
