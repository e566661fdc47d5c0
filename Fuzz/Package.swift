// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets for paybatch's parsers of hostile input (`make fuzz`). A package of its own so
// that the main build and `make test` never compile with `-sanitize=fuzzer`. The root package's
// identity is its folder's name, which differs between checkouts and worktrees: read it here.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let kit = Target.Dependency.product(name: "PaybatchKit", package: root.lastPathComponent)

let package = Package(
    name: "paybatch-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "FuzzerDriver"),
        .target(name: "FuzzerMain", dependencies: ["FuzzerDriver"]),
        .executableTarget(name: "FuzzWire", dependencies: [kit, "FuzzerMain"]),
        .executableTarget(name: "FuzzRoster", dependencies: [kit, "FuzzerMain"]),
        .executableTarget(name: "FuzzInvoice", dependencies: [kit, "FuzzerMain"]),
    ]
)
