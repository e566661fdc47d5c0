import CCurl
import Foundation

/// Sets one easy handle up for one request. Every `setopt` result is checked: a failed option
/// would otherwise send a different request than the one asked for.
struct CurlRequestSetup {
    let handle: UnsafeMutableRawPointer
    let job: CurlJob
    let connectTimeout: Duration

    func apply() throws {
        let request = job.request
        try check(pb_curl_setopt_string(handle, CURLOPT_URL, request.url.absoluteString), "URL")
        try check(pb_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        try check(pb_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(request.timeout)), "TIMEOUT")
        try check(
            pb_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectTimeout)), "CONNECT")
        try check(pb_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "ACCEPT_ENCODING")
        try check(pb_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, job.errorBuffer), "ERRORBUFFER")
        switch request.method {
        case .get:
            try check(pb_curl_setopt_long(handle, CURLOPT_HTTPGET, 1), "HTTPGET")
        case .post:
            let body = request.body ?? Data()
            try check(pb_curl_setopt_long(handle, CURLOPT_POST, 1), "POST")
            try check(
                pb_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "SIZE")
            // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
            let copied =
                body.isEmpty
                ? pb_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeBytes { raw in
                    pb_curl_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
                }
            try check(copied, "COPYPOSTFIELDS")
        }
        // An empty `Expect:` stops curl from waiting for `100 Continue` before sending a body.
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Expect:")
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        job.headerList = list
        try check(pb_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "HTTPHEADER")

        let context = Unmanaged.passUnretained(job).toOpaque()
        try check(pb_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody), "WRITEFUNCTION")
        try check(pb_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "WRITEDATA")
        try check(pb_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader), "HEADERFUNCTION")
        try check(pb_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private func check(_ code: CURLcode, _ option: String) throws {
        guard code == CURLE_OK else {
            throw TransportError(
                .other, "curl refused option \(option): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

/// curl's body callback: appends to the job's buffer. Captures nothing, so it converts to a C pointer.
private let curlWriteBody: pb_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let job = Unmanaged<CurlJob>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { job.body.append($0, count: length) }
    return length
}

/// curl's header callback: one header line per call.
private let curlWriteHeader: pb_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let job = Unmanaged<CurlJob>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    job.receiveHeaderLine(line)
    return length
}

/// Maps curl's result codes onto the few kinds paybatch acts on.
enum CurlErrorMapping {
    static func error(for code: CURLcode, buffer: UnsafeMutablePointer<CChar>) -> TransportError {
        let detail = buffer.pointee != 0 ? String(cString: buffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            return TransportError(.connectionFailed, detail)
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timedOut, detail)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.hostNotFound, detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
            return TransportError(.tls, detail)
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING:
            return TransportError(.incompleteResponse, detail)
        default:
            return TransportError(.other, "curl error \(code.rawValue): \(detail)")
        }
    }
}
