// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Chancery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chancery", targets: ["chancery"]),
        .library(name: "ChanceryCore", targets: ["ChanceryCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ChanceryDomain"),
        .target(name: "ChanceryExtraction", dependencies: ["ChanceryDomain"], exclude: ["Gazetteer/Data"]),
        .target(name: "ChanceryStore", dependencies: [
            "ChanceryDomain", "CSQLite",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ChanceryProjections", dependencies: ["ChanceryDomain", "ChanceryStore"]),
        .target(name: "ChanceryCore", dependencies: [
            "ChanceryDomain", "ChanceryExtraction", "ChanceryStore", "ChanceryProjections",
        ]),
        .target(name: "ChanceryReport", dependencies: [
            "ChanceryDomain", "ChanceryProjections",
            .product(name: "Plot", package: "Plot"),
        ]),
        .executableTarget(name: "chancery", dependencies: [
            "ChanceryCore", "ChanceryExtraction", "ChanceryReport", "ChanceryProjections",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ChanceryDomainTests", dependencies: ["ChanceryDomain"]),
        .testTarget(name: "ChanceryExtractionTests", dependencies: ["ChanceryExtraction"]),
        .testTarget(name: "ChanceryStoreTests", dependencies: ["ChanceryStore"]),
        .testTarget(name: "ChanceryProjectionsTests", dependencies: ["ChanceryProjections", "ChanceryStore", "ChanceryCore"]),
        .testTarget(name: "ChanceryCoreTests", dependencies: ["ChanceryCore"]),
        .testTarget(name: "ChanceryCLITests", dependencies: ["ChanceryCore", "chancery"]),
        .testTarget(name: "ChanceryReliabilityTests", dependencies: ["ChanceryCore", "chancery"]),
        .testTarget(name: "ChanceryReportTests", dependencies: ["ChanceryReport", "chancery"]),
    ],
    swiftLanguageModes: [.v6]
)
