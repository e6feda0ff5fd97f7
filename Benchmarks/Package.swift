// swift-tools-version:6.1
import PackageDescription

// Benchmarks for Chancery, kept in their own package so that the library carries no
// benchmark dependency: it depends on the main package by path.
//
//   swift run -c release --package-path Benchmarks chancery-bench --events 100000 --json
//
// The ordo-one package-benchmark suite (Benchmarks/ChanceryBenchmarks):
//
//   swift package --package-path Benchmarks benchmark
let package = Package(
    name: "ChanceryBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Chancery", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The seeded generators (event logs, articles in kk/ru/en), raw SQLite baselines and
        // the measurements; shared by the quick runner and the suite.
        .target(name: "BenchSupport", dependencies: [
            .product(name: "ChanceryCore", package: "Chancery"),
        ]),
        .executableTarget(name: "chancery-bench", dependencies: ["BenchSupport"]),
        .executableTarget(
            name: "ChanceryBenchmarks",
            dependencies: ["BenchSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ChanceryBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
