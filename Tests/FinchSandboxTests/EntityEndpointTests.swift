import Foundation
import Testing

@testable import FinchSandbox

/// A connection of several entities (issue 21): `/introspect` lists them, data calls name one with
/// `entity_ids[]` — Finch answers 400 without it and 403 for an entity it cannot read — and each
/// entity has data of its own.
@Suite struct EntityEndpointTests {
    let sandbox = TestSandbox()
    var connection: SandboxConnection { sandbox.connection(.multiEntity) }
    var entities: [SandboxEntity] { sandbox.world.entities(of: connection) }

    @Test func introspectionListsThreeEntitiesOneInErrorPermissions() throws {
        let body = sandbox.get("/introspect", token: connection.accessToken).dictionary
        let listed = try #require(body["entities"] as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == entities.map(\.id))
        #expect(listed.map { $0["status"] as? String } == ["connected", "connected", "error_permissions"])
        #expect(Set(listed.compactMap { $0["name"] as? String }).count == 3)
        // Every other connection lists one entity, as before.
        let single = sandbox.get("/introspect", token: sandbox.connection(.normal).accessToken).dictionary
        #expect((single["entities"] as? [[String: Any]])?.count == 1)
    }

    @Test func aDataCallMustNameOneConnectedEntity() {
        let token = connection.accessToken
        let none = sandbox.get("/employer/directory", token: token)
        #expect(none.status == 400)
        #expect(none.dictionary["name"] as? String == "invalid_request_error")
        let forbidden = sandbox.get(
            "/employer/company", query: "entity_ids%5B%5D=\(entities[2].id)", token: token)
        #expect(forbidden.status == 403)
        #expect(
            sandbox.get("/employer/company", query: "entity_ids[]=no-such-entity", token: token).status == 400
        )
        let two = "entity_ids[]=\(entities[0].id)&entity_ids[]=\(entities[1].id)"
        #expect(sandbox.get("/employer/company", query: two, token: token).status == 400)
        #expect(
            sandbox.get("/employer/company", query: "entity_ids[]=\(entities[0].id)", token: token).status
                == 200)
        // A connection of one entity answers without it, and with its own id.
        let normal = sandbox.connection(.normal)
        #expect(sandbox.get("/employer/company", token: normal.accessToken).status == 200)
        let own = sandbox.world.entities(of: normal)[0].id
        #expect(
            sandbox.get("/employer/company", query: "entity_ids[]=\(own)", token: normal.accessToken).status
                == 200)
    }

    @Test func eachEntityHasItsOwnPeople() throws {
        let token = connection.accessToken
        func ids(_ entity: SandboxEntity) throws -> Set<String> {
            let body = sandbox.get("/employer/directory", query: "entity_ids[]=\(entity.id)", token: token)
                .dictionary
            let people = try #require(body["individuals"] as? [[String: Any]])
            return Set(people.compactMap { $0["id"] as? String })
        }
        let (east, west) = (try ids(entities[0]), try ids(entities[1]))
        #expect(!east.isEmpty && !west.isEmpty && east.isDisjoint(with: west))
        let totals = try #require(
            sandbox.world.expectedTotals(
                connectionID: connection.connectionID, entityID: entities[0].id, period: "2026-10"))
        #expect(totals.individuals == east.count)
    }

    @Test func aRemovedEntityIsListedDisconnectedAndTheRestStillNeedNaming() {
        let token = connection.accessToken
        let removed = sandbox.post(
            "/disconnect-entity", json: #"{"entity_ids":["\#(entities[2].id)"]}"#, token: token)
        #expect(removed.status == 200)
        let listed = sandbox.get("/introspect", token: token).dictionary["entities"] as? [[String: Any]]
        #expect(listed?.map { $0["status"] as? String } == ["connected", "connected", "disconnected"])
        #expect(sandbox.get("/employer/company", token: token).status == 400)
        #expect(
            sandbox.post("/disconnect-entity", json: #"{"entity_ids":["x"]}"#, token: token).status == 400)
    }
}
