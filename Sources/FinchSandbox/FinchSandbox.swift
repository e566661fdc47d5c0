/// The built-in Finch emulator (SPEC §6). Filled by its own issue.
public enum FinchSandboxInfo {
    public static let name = "paybatch Finch sandbox"
}
