// swift-tools-version:6.1
// LectureClaims — reproduces the claims of CS231n Lecture 6 with a small BLAS-backed engine.
// Layout and module jobs: ../shared/DESIGN.md. Dependencies point one way:
// experiments → ClaimKit → {NeuralEngine, Gnuplot, Reporting}; Datasets → NeuralEngine → CBLAS.
import Foundation
import PackageDescription

/// Every folder of experiments/ is one claim's executable target, named by the claim id (no list to keep in sync).
let experimentNames: [String] = {
    let folder = Context.packageDirectory + "/experiments"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
}()

/// Whether experiments/<name>/report.md exists: the claim's metadata and prose, bundled with its executable.
func hasReportTemplate(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: Context.packageDirectory + "/experiments/\(name)/report.md")
}

let package = Package(
    name: "LectureClaims",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: OpenBLAS's cblas.h and zlib (apt: libopenblas-dev, zlib1g-dev).
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "NeuralEngine", dependencies: ["CBLAS"]),
        .target(name: "Datasets", dependencies: ["NeuralEngine", "CZlib"]),
        .target(name: "Gnuplot"),
        .target(name: "Reporting"),
        .target(name: "ClaimKit", dependencies: [
            "NeuralEngine", "Gnuplot", "Reporting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "claims", dependencies: [
            "ClaimKit", "Reporting", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine", "Datasets"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "GnuplotTests", dependencies: ["Gnuplot"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "ClaimKitTests", dependencies: [
            "ClaimKit", "claims", "Gnuplot", "NeuralEngine", "Reporting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Each experiment's own check against its negative control (`@testable import <claim_id>`).
        .testTarget(name: "ExperimentTests",
                    dependencies: ["ClaimKit", "Datasets", "NeuralEngine"] + experimentNames.map { .target(name: $0) }),

        // Benchmarks (make bench): timed epochs, never timed unit tests.
        .executableTarget(name: "engine-epoch", dependencies: ["NeuralEngine", "Datasets"],
                          path: "benchmarks/engine-epoch"),
    ] + experimentNames.map { name in
        .executableTarget(name: name, dependencies: [
            "ClaimKit", "Datasets", "NeuralEngine", "Gnuplot", "Reporting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "experiments/\(name)",
           resources: hasReportTemplate(name) ? [.copy("report.md")] : nil)
    }
)
