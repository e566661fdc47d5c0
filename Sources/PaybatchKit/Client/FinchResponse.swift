import Foundation

/// A successful (2xx) answer from Finch, as it came: what the store keeps so that a run can resume
/// and reports can be rendered again without calling Finch.
public struct FinchResponse: Sendable {
    public var endpoint: FinchEndpoint
    public var status: Int
    public var requestID: RequestID?
    /// `Finch-Data-Retrieved`: when Finch pulled this data from the provider.
    public var dataRetrieved: String?
    public var body: Data

    public init(
        endpoint: FinchEndpoint, status: Int, requestID: RequestID?, dataRetrieved: String?, body: Data
    ) {
        self.endpoint = endpoint
        self.status = status
        self.requestID = requestID
        self.dataRetrieved = dataRetrieved
        self.body = body
    }

    init(endpoint: FinchEndpoint, _ response: HTTPResponse) {
        self.init(
            endpoint: endpoint, status: response.status, requestID: response.requestID,
            dataRetrieved: response.header("Finch-Data-Retrieved"), body: response.body)
    }

    /// HTTP 202 on a data endpoint: the connection's data is not ready (assisted, first sync).
    public var isPending: Bool { status == 202 }

    /// Decodes the body, turning a body of the wrong shape into a failure with the request id.
    public func decode<T: Decodable>(_ type: T.Type) throws(FinchFailure) -> T {
        try decode { body in try JSONDecoder().decode(T.self, from: body) }
    }

    /// Reads the body with `read`, turning any failure into one naming the request id.
    public func decode<T, Failure: Error>(_ read: (Data) throws(Failure) -> T) throws(FinchFailure) -> T {
        do {
            return try read(body)
        } catch {
            throw FinchFailure(
                failureClass: FailureClass(
                    code: "malformed_response", retryable: false, scope: .connection,
                    remedy:
                        "Finch's answer could not be read; run again, and report it with the request id if it recurs."
                ),
                endpoint: endpoint, httpStatus: status, requestID: requestID,
                message: "the body of \(endpoint.path) is not the JSON Finch documents (\(body.count) bytes)")
        }
    }
}
