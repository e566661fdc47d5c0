// swift-tools-version: 6.1
import PackageDescription

// Every dependency comes from the copies this machine holds; the README says what each is for.
let package = Package(
    name: "paybatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "paybatch", targets: ["paybatch"]),
        .library(name: "PaybatchKit", targets: ["PaybatchKit"]),
        .library(name: "FinchSandbox", targets: ["FinchSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CMalloc"),
        // The executable's own speed trick (Sources/CXLSXZipLevel/zip_level.c); only `paybatch`
        // links it. The library and every test runner keep libxlsxwriter's default zip level.
        .target(name: "CXLSXZipLevel", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "PaybatchKit",
            dependencies: [
                "CSQLite", "CCurl", "CXLSXWriter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "FinchSandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "paybatch",
            dependencies: [
                "PaybatchKit", "FinchSandbox", "CMalloc", "CXLSXZipLevel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // libxlsxwriter's call binds to the interposed minizip entry point only if the
            // executable exports it. The linkers here already export a definition that a linked
            // library imports; the flag makes it explicit for one that would not.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=zipOpenNewFileInZip4_64"])]
        ),
        .target(
            name: "PaybatchTestSupport",
            dependencies: [
                "PaybatchKit", "FinchSandbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "PaybatchKitTests",
            dependencies: [
                "PaybatchKit", "PaybatchTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "FinchSandboxTests",
            dependencies: ["FinchSandbox", "PaybatchTestSupport"],
            exclude: ["Conformance"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["PaybatchTestSupport"]
        ),
    ]
)
