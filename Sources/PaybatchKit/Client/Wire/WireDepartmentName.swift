/// `{name}` of a department.
public struct WireDepartmentName: Decodable, Sendable, Equatable {
    @Lenient public var name: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case name }
}
