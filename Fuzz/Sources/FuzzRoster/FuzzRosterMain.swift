import FuzzerMain

/// The executable's entry (SwiftPM links an executable's `main` as `FuzzRoster_main`, so libFuzzer's
/// own `main` cannot be used): libFuzzer's driver calls `fuzzRoster` for every input.
@main
enum FuzzRosterMain {
    static func main() { runLibFuzzer { fuzzRoster($0, $1) } }
}
