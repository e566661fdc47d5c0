import CCurl
import Foundation

/// The live transport, on libcurl. One multi handle, driven from its own thread, serves every
/// request: connections are reused across requests, and no curl call ever blocks a thread of
/// Swift's cooperative pool — callers suspend on a continuation that the curl thread resumes.
///
/// Proxies come from the environment exactly as curl reads them (`http_proxy`, `HTTPS_PROXY`,
/// `NO_PROXY`), because paybatch never sets `CURLOPT_PROXY`.
public final class CurlTransport: HTTPTransport {
    private let engine: CurlEngine

    /// - Parameter connectTimeout: how long to wait for a TCP/TLS connection before failing.
    public init(connectTimeout: Duration = .seconds(30)) {
        engine = CurlEngine(connectTimeout: connectTimeout)
    }

    deinit { engine.stop() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let job = CurlJob(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                job.continuation = continuation
                engine.submit(job)
            }
        } onCancel: {
            engine.cancel(job)
        }
    }
}

/// One request in flight: what curl writes into, and how to resume the caller.
///
/// `@unchecked Sendable`, and safe: the caller's task sets `continuation` and then hands the job
/// over under `CurlEngine`'s lock (`submit`), which orders that write before the curl thread's
/// reads; from then on only the curl thread touches its fields (curl's callbacks write `body` and
/// `headers`, `finish` resumes the caller once). A cancellation hands over only its identity.
final class CurlJob: @unchecked Sendable {
    let request: HTTPRequest
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var body = Data()
    var headers: [(name: String, value: String)] = []
    var handle: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(request: HTTPRequest) {
        self.request = request
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
        if let headerList { curl_slist_free_all(headerList) }
    }

    /// Resumes the caller exactly once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        guard let continuation else { return }
        self.continuation = nil
        continuation.resume(with: result)
    }

    /// A header line as curl hands it over; a new status line starts a new header block (after
    /// `100 Continue` or a redirect), so only the final response's headers are kept.
    func receiveHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append((name: name, value: value))
    }
}
