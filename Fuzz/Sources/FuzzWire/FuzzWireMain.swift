import FuzzerMain

/// The executable's entry (SwiftPM links an executable's `main` as `FuzzWire_main`, so libFuzzer's
/// own `main` cannot be used): libFuzzer's driver calls `fuzzWire` for every input.
@main
enum FuzzWireMain {
    static func main() { runLibFuzzer { fuzzWire($0, $1) } }
}
