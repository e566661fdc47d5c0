import PaybatchKit
import Testing

@Test func versionIsSemantic() {
    let parts = PaybatchVersion.current.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}
