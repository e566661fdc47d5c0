/// `POST /disconnect-entity`'s body: the entities to remove, at least one (API.md §2.6).
struct DisconnectEntityRequest: Encodable {
    var entityIDs: [String]

    enum CodingKeys: String, CodingKey { case entityIDs = "entity_ids" }
}
