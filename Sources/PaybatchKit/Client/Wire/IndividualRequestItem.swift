/// `{"individual_id": "…"}`, one requested person.
public struct IndividualRequestItem: Encodable, Sendable {
    public var individualID: String
    enum CodingKeys: String, CodingKey { case individualID = "individual_id" }
}
