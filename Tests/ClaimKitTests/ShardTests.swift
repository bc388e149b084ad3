import Foundation
import Testing
@testable import ClaimKit

/// Sharded runs (`--shard k/n`, then `--merge DIR`) against the single run of the same seeds as the oracle. In
/// ExperimentLifecycleTests' serialized suite: both set TinyClaim's template.
extension ExperimentLifecycleTests {
    static func run(_ arguments: [String]) throws { try TinyClaim.execute(try ExperimentOptions.parse(arguments)) }

    /// Every file under `folder`, by relative path.
    static func allFiles(_ folder: URL) throws -> [String: Data] {
        let names = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
        var files: [String: Data] = [:]
        for name in names where !name.hasSuffix("/") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        }
        return files
    }

    /// A temporary folder with TinyClaim's template in it.
    static func shardRoot() throws -> URL {
        let root = try folder()
        try useTemplate(TinyClaim.template, in: root)
        return root
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return "no error"
    }

    @Test func theMergedReportIsTheSingleRunsByteForByte() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let (single, shards, merged) = (root.appendingPathComponent("single"), root.appendingPathComponent("shards"),
                                        root.appendingPathComponent("merged"))
        try Self.run(["--seeds", "5", "--formats", "svg", "--output", single.path])
        for k in 1...3 { try Self.run(["--seeds", "5", "--shard", "\(k)/3", "--output", shards.path]) }
        try Self.run(["--seeds", "5", "--formats", "svg", "--merge", shards.path, "--output", merged.path])
        let expected = try Self.allFiles(single.appendingPathComponent("tiny-claim"))
        #expect(!expected.isEmpty)
        #expect(try Self.allFiles(merged.appendingPathComponent("tiny-claim")) == expected)
        // A shard writes only its own file: no report.
        #expect(try Self.allFiles(shards.appendingPathComponent("tiny-claim")).keys.sorted()
                == ["shard-1-of-3.json", "shard-2-of-3.json", "shard-3-of-3.json"])
    }

    @Test func aMissingShardIsNamedWithItsSeedsAndLog() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards")
        try Self.run(["--seeds", "5", "--shard", "1/3", "--output", shards.path])
        try Self.run(["--seeds", "5", "--shard", "3/3", "--output", shards.path])
        let log = shards.appendingPathComponent("tiny-claim/shard-2-of-3.log")
        try "measure failed\n".write(to: log, atomically: true, encoding: .utf8)
        let text = Self.message {
            try Self.run(["--seeds", "5", "--merge", shards.path, "--output", root.appendingPathComponent("out").path])
        }
        #expect(text.contains("shard 2/3 of tiny-claim (seeds 1, 2) is missing"))
        #expect(text.contains("its log: \(log.path)"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/tiny-claim").path))
    }

    @Test func aSeedInTwoShardingsIsAnError() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards")
        try Self.run(["--seeds", "4", "--shard", "1/1", "--output", shards.path])
        try Self.run(["--seeds", "4", "--shard", "1/2", "--output", shards.path])
        try Self.run(["--seeds", "4", "--shard", "2/2", "--output", shards.path])
        let text = Self.message { try Self.run(["--seeds", "4", "--merge", shards.path, "--output", root.path + "/o"]) }
        #expect(text.contains("two shardings of one run are mixed"))
    }

    @Test func shardsOfAnotherRunAreRefused() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards"), out = root.appendingPathComponent("out").path
        try Self.run(["--seeds", "2", "--quick", "--shard", "1/1", "--output", shards.path])
        #expect(Self.message { try Self.run(["--seeds", "2", "--merge", shards.path, "--output", out]) }
            .contains("is of another run (mode quick, this merge wants full)"))
        #expect(Self.message { try Self.run(["--seeds", "3", "--quick", "--merge", shards.path, "--output", out]) }
            .contains("is of another run (seeds 0–1, this merge wants 0–2)"))
    }

    @Test func aCorruptShardIsNamed() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards")
        try Self.run(["--seeds", "2", "--shard", "1/1", "--output", shards.path])
        let file = shards.appendingPathComponent("tiny-claim/shard-1-of-1.json")
        try Data("{\"claim\":".utf8).write(to: file)
        let text = Self.message { try Self.run(["--seeds", "2", "--merge", shards.path, "--output", root.path + "/o"]) }
        #expect(text.hasPrefix("cannot read \(file.path) (not valid JSON"))
        #expect(!text.contains("\n"))
    }

    /// A shard whose own k/n is not its file name's (a renamed copy, or k > n) is named, not trusted.
    @Test func aShardUnderAnotherNameIsNamed() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards")
        try Self.run(["--seeds", "2", "--shard", "1/1", "--output", shards.path])
        let folder = shards.appendingPathComponent("tiny-claim")
        let text = try String(contentsOf: folder.appendingPathComponent("shard-1-of-1.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""index":1"#, with: #""index":5"#)
            .write(to: folder.appendingPathComponent("shard-1-of-1.json"), atomically: true, encoding: .utf8)
        #expect(Self.message { try Self.run(["--seeds", "2", "--merge", shards.path, "--output", root.path + "/o"]) }
            .contains("says it is shard 5/1"))
    }

    /// Shards measured by another build (changed code, same settings) are refused.
    @Test func aShardOfAnotherBuildIsRefused() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = root.appendingPathComponent("shards")
        try Self.run(["--seeds", "2", "--shard", "1/1", "--output", shards.path])
        let file = shards.appendingPathComponent("tiny-claim/shard-1-of-1.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(#""build":"\#(BuildIdentity.current)""#))
        try text.replacingOccurrences(of: BuildIdentity.current, with: "0123abcd").write(to: file, atomically: true,
                                                                                          encoding: .utf8)
        #expect(Self.message { try Self.run(["--seeds", "2", "--merge", shards.path, "--output", root.path + "/o"]) }
            .contains("is of another run (build 0123abcd"))
    }

    @Test func noShardsAtAllIsAnError() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Self.message { try Self.run(["--merge", root.path + "/none", "--output", root.path + "/o"]) }
            .hasPrefix("no shard files"))
    }

    /// The blocks partition the seed list in order, their sizes differing by at most one.
    @Test func shardsPartitionTheSeeds() {
        for total in 0...12 {
            let seeds = Array(1000..<(1000 + total))
            for n in 1...15 {
                let blocks = (1...n).map { ShardSpec(index: $0, count: n).seeds(of: seeds) }
                #expect(blocks.flatMap { $0 } == seeds)
                let sizes = blocks.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1)
            }
        }
    }

    @Test func shardSpecsParse() {
        #expect(ShardSpec(parsing: "2/5") == ShardSpec(index: 2, count: 5))
        for bad in ["0/3", "4/3", "a/b", "3", "1/0", "1/2/3", "-1/2", ""] { #expect(ShardSpec(parsing: bad) == nil) }
        #expect(throws: (any Error).self) { try ExperimentOptions.parse(["--shard", "4/3"]) }
        #expect(throws: (any Error).self) { try ExperimentOptions.parse(["--shard", "1/2", "--merge", "x"]) }
        #expect(throws: (any Error).self) { try ExperimentOptions.parse(["--merge", "out/", "--output", "./out"]) }
    }

    /// Non-finite numbers and the last bits of finite ones survive the shard file.
    @Test func numbersRoundTripExactly() throws {
        typealias File = ShardFile<TinyClaim.Metrics, TinyClaim.Extra>
        let values = [Double.nan, .infinity, -.infinity, -0.0, 0.1 + 0.2, .leastNonzeroMagnitude, .pi * 1e300,
                      Double(Float(0.3))]
        let file = File(format: File.format, version: File.currentVersion, claim: "c", mode: "full", settings: "s",
                        build: "b", runSeeds: Array(values.indices), shard: ShardSpec(index: 1, count: 1),
                        outcomes: values.enumerated().map { k, v in
                            .init(seed: k, outcome: Outcome(claim: .init(x: v), control: .init(x: -v), extra: .init(y: v)))
                        })
        let back = try File.decoder().decode(File.self, from: try File.encoder().encode(file))
        for (k, v) in values.enumerated() {
            let x = back.outcomes[k].outcome.claim.x
            #expect(x.bitPattern == v.bitPattern || (x.isNaN && v.isNaN))
        }
    }

    @Test func settingsDescriptionsSortDictionaries() {
        struct S { var rates: [String: Double]; var names: Set<Int> }
        let a = S(rates: ["b": 2, "a": 1, "c": 3], names: [3, 1, 2])
        #expect(StableDescription.of(a) == "S(rates: [a: 1.0, b: 2.0, c: 3.0], names: {1, 2, 3})")
    }
}
