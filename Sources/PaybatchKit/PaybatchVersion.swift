/// The tool's version, sent in the `User-Agent` and written into every report.
public enum PaybatchVersion {
    public static let current = "0.1.0"
}
