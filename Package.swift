// swift-tools-version:6.0
import PackageDescription

/// One set of compiler settings for every target (as Hummingbird does): each file imports what it
/// uses, imports are internal unless a file says `public import`, and existentials are spelled `any`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Samverkan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samverkan", targets: ["samverkan"]),
        .library(name: "SamverkanTime", targets: ["SamverkanTime"]),
        .library(name: "SamverkanDomain", targets: ["SamverkanDomain"]),
        .library(name: "SamverkanConfig", targets: ["SamverkanConfig"]),
        .library(name: "SamverkanRendering", targets: ["SamverkanRendering"]),
        .library(name: "SamverkanCalendar", targets: ["SamverkanCalendar"]),
        .library(name: "SamverkanReports", targets: ["SamverkanReports"]),
        .library(name: "SamverkanStore", targets: ["SamverkanStore"]),
        .library(name: "SamverkanServer", targets: ["SamverkanServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Calendar values in pure Swift: dates, times of day, weekdays, ISO 8601 text. No C.
        .target(name: "SamverkanTime", swiftSettings: swiftSettings),
        // The only C: libical through pkg-config (Debian `libical-dev`).
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // The only importer of CLibical; owns every pointer: time zones, recurrence, iCalendar text.
        .target(
            name: "SamverkanICal",
            dependencies: ["CLibical", "SamverkanTime"],
            swiftSettings: swiftSettings
        ),
        // Value types and rules, no I/O: structures, frequencies, holidays, schedules, minutes.
        .target(
            name: "SamverkanDomain",
            dependencies: ["SamverkanTime", "SamverkanICal", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Reads and validates YAML configuration.
        .target(
            name: "SamverkanConfig",
            dependencies: ["SamverkanTime", "SamverkanICal", "SamverkanDomain", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The words users read, per language: the files in Templates/ and their loader.
        .target(
            name: "SamverkanTemplates",
            path: "Templates",
            exclude: ["README.md"],
            sources: ["SamverkanTemplates.swift"],
            resources: [.copy("sv"), .copy("en")],
            swiftSettings: swiftSettings
        ),
        // Turns domain values into text: the one template engine (mustache) for every file in
        // Templates/, phrases, frequencies in words, the minutes draft format, minutes as Markdown and HTML.
        .target(
            name: "SamverkanRendering",
            dependencies: [
                "SamverkanTime", "SamverkanICal", "SamverkanDomain", "SamverkanTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // The embedded store: SQLite through GRDB (minutes, calendar export history).
        .target(
            name: "SamverkanStore",
            dependencies: ["SamverkanTime", "SamverkanDomain", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The shared store's engine: PostgreSQL through postgres-nio (URL, migrations, copy to and from SQLite).
        .target(
            name: "SamverkanPostgres",
            dependencies: [
                "SamverkanTime", "SamverkanDomain", "SamverkanStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // Calendars people import or subscribe to, and invitation e-mails (iCalendar through the wrapper).
        .target(
            name: "SamverkanCalendar",
            dependencies: ["SamverkanTime", "SamverkanICal", "SamverkanDomain", "SamverkanRendering"],
            swiftSettings: swiftSettings
        ),
        // Listings and follow-up reports built from the domain (no I/O).
        .target(
            name: "SamverkanReports",
            dependencies: ["SamverkanTime", "SamverkanDomain", "SamverkanRendering"],
            swiftSettings: swiftSettings
        ),
        // `samverkan serve`: subscription feeds over HTTP (Hummingbird), health and metrics.
        .target(
            name: "SamverkanServer",
            dependencies: [
                "SamverkanTime", "SamverkanDomain", "SamverkanICal", "SamverkanRendering", "SamverkanCalendar", "SamverkanStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samverkan",
            dependencies: [
                "SamverkanTime", "SamverkanDomain", "SamverkanConfig", "SamverkanRendering", "SamverkanCalendar",
                "SamverkanReports", "SamverkanStore", "SamverkanTemplates", "SamverkanServer", "SamverkanPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // `make benchmark`: the speed and memory targets of the issues.
        .executableTarget(
            name: "samverkan-benchmarks",
            dependencies: [
                "SamverkanTime", "SamverkanICal", "SamverkanDomain", "SamverkanConfig", "SamverkanRendering",
                "SamverkanCalendar", "SamverkanReports", "SamverkanStore", "SamverkanPostgres", "SamverkanTemplates",
            ],
            path: "Benchmarks/Sources",
            swiftSettings: swiftSettings
        ),
        // `make fuzz`: the hostile-input harness (issue 13). The checks are a library, so `make test`
        // runs a short deterministic pass of them (FuzzPassTests); the executable is a libFuzzer
        // target when built with `-sanitize=fuzzer -D LIBFUZZER`, its own seeded loop otherwise.
        .target(
            name: "SamverkanFuzzing",
            dependencies: [
                "SamverkanTime", "SamverkanICal", "SamverkanDomain", "SamverkanConfig", "SamverkanRendering", "SamverkanStore",
            ],
            path: "Fuzz/Sources/SamverkanFuzzing",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samverkan-fuzz",
            dependencies: ["SamverkanFuzzing"],
            path: "Fuzz/Sources/samverkan-fuzz",
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: the process runner, temporary folders and databases, fixtures.
        .target(
            name: "SamverkanTestSupport",
            dependencies: [
                "SamverkanTime", "SamverkanDomain", "SamverkanStore", "SamverkanPostgres", "SamverkanTemplates", "SamverkanRendering",
            ],
            path: "Tests/SamverkanTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SamverkanTimeTests", dependencies: ["SamverkanTime"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SamverkanICalTests",
            dependencies: ["SamverkanICal", "SamverkanTime", "SamverkanTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanDomainTests",
            dependencies: ["SamverkanDomain", "SamverkanTime", "SamverkanICal", "SamverkanTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanConfigTests",
            dependencies: [
                "SamverkanConfig", "SamverkanDomain", "SamverkanTime", "SamverkanTestSupport", "SamverkanRendering", "SamverkanTemplates",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanRenderingTests",
            dependencies: ["SamverkanRendering", "SamverkanDomain", "SamverkanTime", "SamverkanTemplates", "SamverkanTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanStoreTests",
            dependencies: ["SamverkanStore", "SamverkanDomain", "SamverkanTime", "SamverkanTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanCalendarTests",
            dependencies: [
                "SamverkanCalendar", "SamverkanConfig", "SamverkanDomain", "SamverkanICal", "SamverkanTime",
                "SamverkanRendering", "SamverkanTemplates", "SamverkanTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanReportsTests",
            dependencies: [
                "SamverkanReports", "SamverkanConfig", "SamverkanDomain", "SamverkanTime", "SamverkanRendering",
                "SamverkanTemplates", "SamverkanTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanFuzzingTests",
            dependencies: ["SamverkanFuzzing"],
            path: "Fuzz/Tests/SamverkanFuzzingTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanPostgresTests",
            dependencies: ["SamverkanPostgres", "SamverkanStore", "SamverkanDomain", "SamverkanTime", "SamverkanTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SamverkanServerTests",
            dependencies: ["SamverkanServer", "SamverkanStore", "SamverkanTime"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "samverkanTests",
            dependencies: ["samverkan", "SamverkanTemplates", "SamverkanTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
