import PaybatchKit
import Testing

/// Runs `body`, expecting it to throw a PaybatchFailure with `status`; returns the failure so the
/// test can check its message.
@discardableResult
func expectFailure(
    _ status: PaybatchKit.ExitStatus, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> (any PaybatchFailure)? {
    do {
        try body()
    } catch {
        return expectedFailure(error, status, sourceLocation)
    }
    return expectedFailure(nil, status, sourceLocation)
}

/// The same for an async `body` (the store protocol's methods).
@discardableResult
func expectStoreFailure(
    _ status: PaybatchKit.ExitStatus, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> (any PaybatchFailure)? {
    do {
        try await body()
    } catch {
        return expectedFailure(error, status, sourceLocation)
    }
    return expectedFailure(nil, status, sourceLocation)
}

/// Checks what `body` threw (nil: nothing) against the expected exit status.
private func expectedFailure(
    _ error: (any Error)?, _ status: PaybatchKit.ExitStatus, _ sourceLocation: SourceLocation
) -> (any PaybatchFailure)? {
    guard let error else {
        Issue.record(
            "expected a failure with exit status \(status.rawValue), but nothing was thrown",
            sourceLocation: sourceLocation)
        return nil
    }
    guard let failure = error as? any PaybatchFailure else {
        Issue.record("expected a PaybatchFailure, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(failure.exitStatus == status, "\(failure)", sourceLocation: sourceLocation)
    return failure
}
