// swift-tools-version:6.1
// libFuzzer targets for Chancery, kept out of the main package (an executable whose `main`
// comes from libFuzzer does not link in a normal build). Build and run from this directory:
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address --product FuzzArticle --scratch-path .build-fuzz
//   .build-fuzz/debug/FuzzArticle -max_total_time=600 -dict=dict/article.dict work/article corpus/article
//
// See README.md here.
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ChanceryFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FuzzArticle", dependencies: [.product(name: "ChanceryCore", package: root)]),
        .executableTarget(name: "FuzzImport", dependencies: [.product(name: "ChanceryCore", package: root)]),
    ],
    swiftLanguageModes: [.v6]
)
