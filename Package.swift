// swift-tools-version:6.0
import PackageDescription

/// One set of compiler settings for every target (as Hummingbird does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Samverkan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samverkan", targets: ["samverkan"]),
        .library(name: "SamverkanDomain", targets: ["SamverkanDomain"]),
        .library(name: "SamverkanConfig", targets: ["SamverkanConfig"]),
        .library(name: "SamverkanReports", targets: ["SamverkanReports"]),
        .library(name: "SamverkanStore", targets: ["SamverkanStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The only C: libical through pkg-config (Debian `libical-dev`).
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // The only importer of CLibical; owns every pointer.
        .target(
            name: "SamverkanICal",
            dependencies: ["CLibical"],
            swiftSettings: swiftSettings
        ),
        // Value types, no I/O.
        .target(
            name: "SamverkanDomain",
            dependencies: ["SamverkanICal"],
            swiftSettings: swiftSettings
        ),
        // Reads and validates YAML configuration.
        .target(
            name: "SamverkanConfig",
            dependencies: ["SamverkanDomain", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The embedded store: SQLite through GRDB (minutes, calendar export history).
        .target(
            name: "SamverkanStore",
            dependencies: ["SamverkanDomain", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Listings and reports built from the domain (no I/O).
        .target(
            name: "SamverkanReports",
            dependencies: ["SamverkanDomain"],
            swiftSettings: swiftSettings
        ),
        // The words users read, per language.
        .target(
            name: "SamverkanTemplates",
            path: "Templates",
            exclude: ["README.md"],
            sources: ["SamverkanTemplates.swift"],
            resources: [.copy("sv"), .copy("en")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samverkan",
            dependencies: [
                "SamverkanDomain", "SamverkanConfig", "SamverkanReports", "SamverkanStore", "SamverkanTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // `make benchmark`: the speed and memory targets of the issues.
        .executableTarget(
            name: "samverkan-benchmarks",
            dependencies: ["SamverkanDomain", "SamverkanConfig", "SamverkanReports", "SamverkanStore"],
            path: "Benchmarks/Sources",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SamverkanICalTests", dependencies: ["SamverkanICal"], swiftSettings: swiftSettings),
        .testTarget(name: "SamverkanDomainTests", dependencies: ["SamverkanDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SamverkanConfigTests",
            dependencies: ["SamverkanConfig"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SamverkanStoreTests", dependencies: ["SamverkanStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SamverkanReportsTests",
            dependencies: ["SamverkanReports", "SamverkanConfig", "SamverkanTemplates"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "samverkanTests",
            dependencies: ["samverkan", "SamverkanTemplates"],
            swiftSettings: swiftSettings
        ),
    ]
)
