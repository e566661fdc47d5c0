/// One attempt's result seen through the failure catalogue: a success, an HTTP answer Finch
/// meant as an error, or no answer at all.
struct FinchAnswer {
    let result: Result<HTTPResponse, any Error>
    let endpoint: FinchEndpoint?

    init(_ result: Result<HTTPResponse, any Error>, endpoint: FinchEndpoint?) {
        self.result = result
        self.endpoint = endpoint
    }

    var response: HTTPResponse? { try? result.get() }

    /// The transport's short code when the attempt got no answer.
    var transportErrorKind: String? {
        guard case .failure(let error as TransportError) = result else { return nil }
        return error.kind.rawValue
    }

    /// The failure this answer is, or nil for a success (2xx, including an HTTP 202 "not ready").
    func failure(attempts: Int) -> FinchFailure? {
        switch result {
        case .success(let response):
            return FinchFailure.from(response, endpoint: endpoint, attempts: attempts)
        case .failure(let error as TransportError):
            return FinchFailure(
                failureClass: FailureCatalogue.classify(error), endpoint: endpoint, message: error.detail,
                attempts: attempts)
        case .failure:
            return nil
        }
    }
}

extension FinchFailure {
    /// The failure an HTTP answer is, or nil when its status is a success.
    public static func from(
        _ response: HTTPResponse, endpoint: FinchEndpoint?, attempts: Int = 1
    ) -> FinchFailure? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = FinchErrorBody.decode(response.body)
        let failureClass = FailureCatalogue.classify(
            status: response.status, name: body?.effectiveName, finchCode: body?.finchCode, endpoint: endpoint
        )
        let message =
            body?.effectiveMessage
            ?? (body == nil && !response.body.isEmpty
                ? "Finch answered HTTP \(response.status) with a body that is not Finch's JSON error"
                : "Finch answered HTTP \(response.status)")
        return FinchFailure(
            failureClass: failureClass, endpoint: endpoint, httpStatus: response.status,
            name: body?.effectiveName,
            finchCode: body?.finchCode, requestID: response.requestID, message: message, attempts: attempts)
    }
}
