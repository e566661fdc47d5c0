import Foundation

extension FinchClient {
    /// `GET /employer/benefits`: the company's benefits, read live from the provider.
    public func benefits(
        _ token: AccessToken, connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[WireCompanyBenefit]> {
        try Self.benefits(
            in: try await send(
                .benefits, .bearer(token), connectionID: connectionID, entity: entity, onResponse: onResponse)
        )
    }

    /// What a benefits answer lists (a bare array), from Finch or from a stored run.
    static func benefits(in response: FinchResponse) throws(FinchFailure) -> DataFetch<[WireCompanyBenefit]> {
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireList<WireCompanyBenefit>.self).present)
    }

    /// `GET /employer/benefits/{benefit_id}/individuals` without `individual_ids`: every person
    /// enrolled in the benefit (the SDK documents that leaving the ids out returns them all).
    public func benefitEnrollments(
        _ token: AccessToken, benefitID: String, connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[WireBenefitEnrollment]> {
        try Self.benefitEnrollments(
            in: try await send(
                .benefitIndividuals, .bearer(token), connectionID: connectionID, pathParameter: benefitID,
                entity: entity, onResponse: onResponse))
    }

    /// What an enrollments answer lists (a bare array of batch items), from Finch or a stored run.
    static func benefitEnrollments(
        in response: FinchResponse
    ) throws(FinchFailure) -> DataFetch<[WireBenefitEnrollment]> {
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireList<WireBenefitEnrollment>.self).present)
    }
}
