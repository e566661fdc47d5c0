import FinchSandbox
import Testing

@Test func sandboxHasAName() {
    #expect(!FinchSandboxInfo.name.isEmpty)
}
