/// Calls `/introspect` for many tokens, a few at a time (the shared limiter paces them), and
/// sorts Finch's answers into what the roster commands do with them.
public struct TokenIntrospector: Sendable {
    /// One token's answer.
    public enum Outcome: Sendable {
        case introspected(Introspection)
        /// Finch refused the token for good (401 `invalid_token` and its kin).
        case rejected(FinchFailure)
        /// The token works but the employer must act first (401 `reauthenticate_user`,
        /// `account_setup_required`): the connection is live, in this status.
        case needsEmployer(ConnectionStatus, FinchFailure)
        /// No usable answer (server errors after retries, no answer, an unexpected refusal).
        case failed(FinchFailure)
    }

    public var client: FinchClient
    /// Calls in flight at once.
    public var width: Int
    /// Told (done, total) after each answer: the command line shows it on a terminal.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(client: FinchClient, width: Int = 8, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.client = client
        self.width = max(1, width)
        self.progress = progress
    }

    /// Codes of a token Finch will never accept again.
    static let rejectedCodes: Set<String> = ["invalid_token", "authentication_failed", "unauthorized"]

    /// Introspects every token; outcomes come back in input order. A run-wide stop (unpaid
    /// account, bad client, IP lock-out) ends the calls: outcomes not reached are nil and the
    /// stop is returned, so the caller can store what it has before throwing it.
    public func introspect(
        _ tokens: [(token: AccessToken, connectionID: ConnectionID?)]
    ) async -> (outcomes: [Outcome?], stop: (any Error)?) {
        var outcomes = [Outcome?](repeating: nil, count: tokens.count)
        var stop: (any Error)?
        await withTaskGroup(of: (Int, Result<Outcome, any Error>).self) { group in
            var next = 0
            var done = 0
            func launch() {
                guard next < tokens.count else { return }
                let index = next
                let (token, id) = tokens[index]
                next += 1
                group.addTask { [client] in
                    (index, await Result { try await Self.outcome(client, token, id) })
                }
            }
            for _ in 0..<width { launch() }
            while let (index, result) = await group.next() {
                switch result {
                case .success(let outcome):
                    outcomes[index] = outcome
                    done += 1
                    progress?(done, tokens.count)
                    if stop == nil { launch() }
                case .failure(let error):
                    if stop == nil { stop = error }
                    group.cancelAll()
                }
            }
        }
        return (outcomes, stop)
    }

    static func outcome(
        _ client: FinchClient, _ token: AccessToken, _ id: ConnectionID?
    ) async throws -> Outcome {
        do {
            return .introspected(try await client.introspect(token, connectionID: id))
        } catch let failure as FinchFailure {
            return classify(failure)
        }
    }

    /// What a failed introspect means for the roster.
    public static func classify(_ failure: FinchFailure) -> Outcome {
        switch failure.code {
        case _ where rejectedCodes.contains(failure.code): return .rejected(failure)
        case "reauth_required": return .needsEmployer(.reauth, failure)
        case "account_setup_required": return .needsEmployer(.errorNoAccountSetup, failure)
        default: return .failed(failure)
        }
    }
}
