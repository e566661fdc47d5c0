import Foundation
import PaybatchKit

/// libFuzzer entry: every answer `FinchClient` decodes. The input is the body of Finch's answer to
/// each call in turn (introspect, providers, disconnect, token exchange, connect sessions, company,
/// directory pages, individual/employment/pay-statement batches, payments), first as HTTP 200, then
/// as an error status picked by the first byte. Any thrown error is a fine answer to a bad body;
/// a crash or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let errorStatuses = [400, 401, 402, 403, 404, 408, 409, 422, 429, 500, 502, 503]
    let errorStatus = errorStatuses[Int(body.first ?? 0) % errorStatuses.count]
    blockingRun {
        await WireCalls(client: RepeatingAnswer.client(body: body, status: 200)).all()
        await WireCalls(client: RepeatingAnswer.client(body: body, status: errorStatus)).all()
    }
    return 0
}

/// Runs async work to completion from libFuzzer's synchronous callback.
func blockingRun(_ work: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await work()
        done.signal()
    }
    done.wait()
}
