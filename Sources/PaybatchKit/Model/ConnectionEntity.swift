/// One entity of a multi-entity connection as an export treats it (issue 21, SPEC §4): the
/// entities `/introspect` lists, fetched one by one when there is more than one.
public struct ConnectionEntity: Sendable, Equatable, Codable {
    public var id: EntityID
    public var name: String?
    /// Its status as `/introspect` gave it (`connected`, `reauth`, `error_permissions`…).
    public var status: String

    public init(id: EntityID, name: String?, status: String) {
        self.id = id
        self.name = name
        self.status = status
    }

    /// The entities an export reads one by one, by id (SPEC §8's order): those introspect lists,
    /// but a disconnected one (gone from the reports); none when fewer than two remain — a
    /// connection of one entity is fetched as before, without `entity_ids`, and no call more.
    static func listed(in introspection: Introspection) -> [ConnectionEntity] {
        exported(all(in: introspection))
    }

    /// Of `entities`, those an export reads one by one (see `listed(in:)`).
    static func exported(_ entities: [ConnectionEntity]) -> [ConnectionEntity] {
        let live = entities.filter { $0.status != "disconnected" }
        return live.count > 1 ? live.sorted { $0.id < $1.id } : []
    }

    /// Every entity introspect lists with an id, disconnected ones included, by id.
    static func all(in introspection: Introspection) -> [ConnectionEntity] {
        (introspection.entities?.present ?? []).compactMap { entity in
            guard let id = entity.id, !id.isEmpty else { return nil }
            return ConnectionEntity(
                id: EntityID(id), name: entity.name, status: entity.status?.rawValue ?? "")
        }.sorted { $0.id < $1.id }
    }

    /// What the export makes of an entity it does not call, and why; nil for a connected one,
    /// whose data is read. `reauth` is the employer's to fix, `pending`/`processing` Finch's to
    /// finish; an `error_*` status (or one Finch does not document) needs a person: failed.
    var statusWithoutCalls: (status: ExportStatus, message: String)? {
        let name = "Entity \(self.name.map { "\($0) (\(id))" } ?? id.rawValue)"
        switch status {
        case "connected": return nil
        case "reauth":
            return (.reauthRequired, "\(name) needs the employer to sign in again at its provider (reauth).")
        case "pending", "processing":
            return (
                .pending, "\(name) is still \(status) at Finch: its data is not ready; export again later."
            )
        case "error_permissions":
            return (
                .failed,
                "\(name) is error_permissions: the provider account did not give Finch the permissions to read it. "
                    + "The employer must grant them (Finch's dashboard says which), then export again."
            )
        case "error_no_account_setup":
            return (
                .failed,
                "\(name) is error_no_account_setup: the employer's account at the provider is not set up for Finch. "
                    + "The employer must finish the set-up, then export again."
            )
        default:
            return (
                .failed,
                "\(name) has status \"\(status)\", which Finch does not document: it was not read. "
                    + "Check the connection in Finch's dashboard."
            )
        }
    }
}
