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
        Issue.record(
            "expected a failure with exit status \(status.rawValue), but nothing was thrown",
            sourceLocation: sourceLocation)
        return nil
    } catch let failure as any PaybatchFailure {
        #expect(failure.exitStatus == status, "\(failure)", sourceLocation: sourceLocation)
        return failure
    } catch {
        Issue.record("expected a PaybatchFailure, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
