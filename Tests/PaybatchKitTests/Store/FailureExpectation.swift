import PaybatchKit
import Testing

/// Runs `body`, expecting it to throw a PaybatchFailure with `status`; returns the failure so the
/// test can check its message.
@discardableResult
func expectFailure(
    _ status: PaybatchKit.ExitStatus, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> (any PaybatchFailure)? {
    check(Result { try body() }, status, sourceLocation)
}

/// The same for an async `body`.
@discardableResult
func expectFailure(
    _ status: PaybatchKit.ExitStatus, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> (any PaybatchFailure)? {
    let result: Result<Void, any Error>
    do {
        try await body()
        result = .success(())
    } catch {
        result = .failure(error)
    }
    return check(result, status, sourceLocation)
}

private func check(
    _ result: Result<Void, any Error>, _ status: PaybatchKit.ExitStatus, _ sourceLocation: SourceLocation
) -> (any PaybatchFailure)? {
    switch result {
    case .success:
        Issue.record(
            "expected a failure with exit status \(status.rawValue), but nothing was thrown",
            sourceLocation: sourceLocation)
        return nil
    case .failure(let failure as any PaybatchFailure):
        #expect(failure.exitStatus == status, "\(failure)", sourceLocation: sourceLocation)
        return failure
    case .failure(let error):
        Issue.record("expected a PaybatchFailure, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The async `expectFailure`, under the name the store contract tests use.
@discardableResult
func expectStoreFailure(
    _ status: PaybatchKit.ExitStatus, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> (any PaybatchFailure)? {
    await expectFailure(status, sourceLocation: sourceLocation, body)
}
