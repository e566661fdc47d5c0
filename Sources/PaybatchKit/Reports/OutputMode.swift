/// The permissions of output folders and files (SPEC §7 `output_mode`).
public struct OutputMode: Sendable, Equatable {
    public var folder: UInt32
    public var file: UInt32

    /// 0700 folders, 0600 files: the default, for the user alone.
    public static let owner = OutputMode(folder: 0o700, file: 0o600)
    /// 0750 folders, 0640 files: for an analyst in the same group.
    public static let group = OutputMode(folder: 0o750, file: 0o640)

    /// The mode of the config's `output_mode` text (`0600` or `0640`, the file mode); nil otherwise.
    public init?(fileMode text: String) {
        switch text {
        case "0600", "600": self = .owner
        case "0640", "640": self = .group
        default: return nil
        }
    }

    private init(folder: UInt32, file: UInt32) {
        self.folder = folder
        self.file = file
    }
}
