import Foundation

extension FinchClient {
    /// `POST /jobs/automated` `{"type":"data_sync_all"}`: asks Finch to sync the connection now.
    /// A spent quota is an answer, not a failure (its 429 is never retried, see
    /// `FailureCatalogue`); any other error answer throws its `FinchFailure`.
    public func startDataSync(_ token: AccessToken, connectionID: ConnectionID?) async throws -> DataSyncStart
    {
        let request = requests.request(
            .createAutomatedJob, authorization: .bearer(token), body: Data(#"{"type":"data_sync_all"}"#.utf8),
            connectionID: connectionID)
        let answer = try await answer(request)
        let failure = answer.failure(attempts: 1)
        if let failure, failure.code != "refresh_quota_spent" { throw failure }
        let response = FinchResponse(endpoint: .createAutomatedJob, try answer.result.get())
        let quota = try response.decode(WireJobCreation.self)
        if failure != nil { return .quotaSpent(quota, response.requestID) }
        return response.status == 202
            ? .alreadyRunning(quota, response.requestID) : .started(quota, response.requestID)
    }

    /// `GET /jobs/automated/{job_id}`: where the job stands.
    public func automatedJob(
        _ token: AccessToken, jobID: String, connectionID: ConnectionID?
    ) async throws -> WireAutomatedJob {
        let request = requests.request(
            .automatedJob, authorization: .bearer(token), connectionID: connectionID, pathParameter: jobID)
        let answer = try await answer(request)
        if let failure = answer.failure(attempts: 1) { throw failure }
        return try FinchResponse(endpoint: .automatedJob, try answer.result.get()).decode(
            WireAutomatedJob.self)
    }
}
