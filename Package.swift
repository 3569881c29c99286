// swift-tools-version:6.0
import PackageDescription

/// Weft: a terminal reader for discussion threads.
///
/// The targets are the layers: a pure model, a file store, importers and
/// exporters, a UI core that renders into a cell grid, a thin ncurses
/// backend, and the `weft` executable that wires them together.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Weft",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "weft", targets: ["weft"]),
        .executable(name: "weft-bench", targets: ["weft-bench"]),
        .executable(name: "weft-fuzz", targets: ["weft-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        .target(name: "WeftModel", swiftSettings: strict),
        .target(name: "WeftConfig", swiftSettings: strict),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "WeftCodec", dependencies: ["WeftModel"], swiftSettings: strict),
        .target(name: "CFTSRank", dependencies: ["CSQLite"]),
        .target(name: "WeftStore", dependencies: ["WeftModel", "WeftCodec", "CSQLite", "CFTSRank"], swiftSettings: strict),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "WeftFormats",
            dependencies: ["WeftModel", "WeftCodec", "WeftConfig", "WeftRecipes", "CLibXML2"],
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "WeftMarkup", dependencies: ["WeftModel", "CCmarkGFM"], swiftSettings: strict),
        .target(name: "WeftImport", dependencies: ["WeftModel", "WeftStore", "WeftFormats"], swiftSettings: strict),
        .target(name: "WeftRecipes", path: "recipes", exclude: ["README.md"], resources: [.copy("engines")], swiftSettings: strict),
        .target(
            name: "WeftSample",
            dependencies: ["WeftModel", "WeftFormats"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(name: "CWidth"),
        .target(
            name: "WeftThemes",
            path: "themes",
            exclude: ["README.md"],
            resources: [
                .copy("default.toml"), .copy("light.toml"),
                .copy("mono.toml"), .copy("high-contrast.toml"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "WeftUI",
            dependencies: ["WeftModel", "WeftConfig", "CWidth", "WeftThemes"],
            swiftSettings: strict
        ),
        .target(name: "WeftStoreSource", dependencies: ["WeftModel", "WeftStore", "WeftUI"], swiftSettings: strict),
        .target(name: "CCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "WeftCurses", dependencies: ["WeftUI", "CCurses"], swiftSettings: strict),
        .executableTarget(
            name: "weft",
            dependencies: [
                "WeftModel", "WeftCodec", "WeftStore", "WeftFormats", "WeftImport", "WeftSample", "WeftUI", "WeftStoreSource", "WeftCurses",
                "WeftMarkup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "weft-bench",
            dependencies: [
                "WeftModel", "WeftCodec", "WeftStore", "WeftUI", "WeftStoreSource", "WeftFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "WeftFuzzTargets", dependencies: ["WeftCodec", "WeftFormats", "WeftModel", "WeftUI", "WeftMarkup"], swiftSettings: strict
        ),
        .executableTarget(name: "weft-fuzz", dependencies: ["WeftFuzzTargets"], swiftSettings: strict),
        .target(name: "WeftTestSupport", dependencies: ["WeftModel", "WeftUI"], path: "Tests/WeftTestSupport", swiftSettings: strict),
        .testTarget(name: "WeftModelTests", dependencies: ["WeftModel"], swiftSettings: strict),
        .testTarget(
            name: "WeftMarkupTests", dependencies: ["WeftMarkup", "WeftModel", "WeftFormats", "WeftTestSupport"], swiftSettings: strict
        ),
        .testTarget(name: "WeftCodecTests", dependencies: ["WeftCodec", "WeftModel"], swiftSettings: strict),
        .testTarget(
            name: "WeftStoreTests", dependencies: ["WeftStore", "WeftModel", "WeftTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WeftFormatsTests",
            dependencies: ["WeftFormats", "WeftModel", "WeftStore", "WeftRecipes", "WeftSample", "WeftTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WeftImportTests",
            dependencies: ["WeftImport", "WeftFormats", "WeftModel", "WeftStore", "WeftTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WeftSampleTests",
            dependencies: ["WeftSample", "WeftModel", "WeftFormats"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WeftUITests",
            dependencies: [
                "WeftUI", "WeftModel", "WeftStore", "WeftStoreSource", "WeftFormats", "WeftSample", "WeftTestSupport", "WeftMarkup",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WeftFuzzTargetsTests", dependencies: ["WeftFuzzTargets", "WeftTestSupport"], swiftSettings: strict
        ),
        .testTarget(name: "WeftCursesTests", dependencies: ["WeftCurses", "WeftUI"], swiftSettings: strict),
    ]
)
