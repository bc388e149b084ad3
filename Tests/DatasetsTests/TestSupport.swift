import Foundation
import Testing
@testable import Datasets
import NeuralEngine

/// A fresh directory under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("DatasetsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `/usr/bin/gzip` with `arguments`, returning its standard output (drained before waiting, so a full pipe
/// cannot block it). The oracle for compression is the system's gzip, not the zlib calls under test.
@discardableResult
func runGzip(_ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "gzip \(arguments) exited with \(process.terminationStatus)")
    return data
}

/// Writes `bytes` to `path` + ".gz" through `gzip -n` and returns that path.
@discardableResult
func writeGzip(_ bytes: [UInt8], to path: String) throws -> String {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    try runGzip(["-n", "-f", path])
    return path + ".gz"
}

/// The decompressed bytes of a gzip file, by `gzip -dc`.
func gunzip(_ path: String) throws -> [UInt8] { [UInt8](try runGzip(["-dc", path])) }

/// An IDX file's bytes, encoded here by hand: magic number, then big-endian UInt32 dimensions, then the payload.
func idxBytes(magic: UInt32, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
    func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    return bigEndian(magic) + dimensions.flatMap { bigEndian(UInt32($0)) } + payload
}

/// `count` bytes from a seeded generator (a fixed, arbitrary payload).
func randomBytes(_ count: Int, seed: UInt64, below bound: UInt64 = 256) -> [UInt8] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in UInt8(rng.next() % bound) }
}

/// The mean of each column, by a plain loop in Double (the oracle for fitted statistics).
func naiveColumnMeans<Scalar: EngineScalar>(_ x: Tensor<Scalar>) -> [Double] {
    (0..<x.columns).map { c in (0..<x.rows).reduce(0.0) { $0 + Double(x[$1, c]) } / Double(x.rows) }
}

/// The population covariance (1/N) Σ (x − x̄)(x − x̄)ᵀ, by a plain loop in Double.
func naiveCovariance<Scalar: EngineScalar>(_ x: Tensor<Scalar>) -> [[Double]] {
    let m = naiveColumnMeans(x)
    return (0..<x.columns).map { a in
        (0..<x.columns).map { b in
            (0..<x.rows).reduce(0.0) { $0 + (Double(x[$1, a]) - m[a]) * (Double(x[$1, b]) - m[b]) } / Double(x.rows)
        }
    }
}

/// |a − b| ≤ tolerance · max(1, |b|): a relative tolerance that becomes absolute near 0.
func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
