// swift-tools-version:6.1
import PackageDescription

// Benchmarks for Chancery, kept in their own package so that the library carries no
// benchmark dependency: it depends on the main package by path.
//
//   swift run -c release --package-path Benchmarks chancery-bench --events 100000 --json
let package = Package(
    name: "ChanceryBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Chancery", path: ".."),
    ],
    targets: [
        // The seeded generators (event logs, articles in kk/ru/en), raw SQLite baselines and
        // the measurements; shared by the quick runner.
        .target(name: "BenchSupport", dependencies: [
            .product(name: "ChanceryCore", package: "Chancery"),
        ]),
        .executableTarget(name: "chancery-bench", dependencies: ["BenchSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
