import FuzzerMain

/// The executable's entry (SwiftPM links an executable's `main` as `FuzzInvoice_main`, so libFuzzer's
/// own `main` cannot be used): libFuzzer's driver calls `fuzzInvoice` for every input.
@main
enum FuzzInvoiceMain {
    static func main() { runLibFuzzer { fuzzInvoice($0, $1) } }
}
