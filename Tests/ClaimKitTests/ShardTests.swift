import Foundation
import Gnuplot
import NeuralEngine
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
        typealias File = ShardFile<TinyClaim.Metrics, TinyClaim.Extra, NoPart>
        let values = [Double.nan, .infinity, -.infinity, -0.0, 0.1 + 0.2, .leastNonzeroMagnitude, .pi * 1e300,
                      Double(Float(0.3))]
        let file = File(format: File.format, version: File.currentVersion, claim: "c", mode: "full", settings: "s",
                        build: "b", runSeeds: Array(values.indices), configurations: 0,
                        shard: ShardSpec(index: 1, count: 1),
                        entries: values.enumerated().map { k, v in
                            File.Entry(unit: ShardUnit(seed: k), outcome: Outcome(claim: TinyClaim.Metrics(x: v),
                                       control: TinyClaim.Metrics(x: -v), extra: TinyClaim.Extra(y: v)))
                        })
        let back = try File.decoder().decode(File.self, from: try File.encoder().encode(file))
        for (k, v) in values.enumerated() {
            let x = back.entries[k].outcome!.claim.x
            #expect(x.bitPattern == v.bitPattern || (x.isNaN && v.isNaN))
        }
    }

    @Test func settingsDescriptionsSortDictionaries() {
        struct S { var rates: [String: Double]; var names: Set<Int> }
        let a = S(rates: ["b": 2, "a": 1, "c": 3], names: [3, 1, 2])
        #expect(StableDescription.of(a) == "S(rates: [a: 1.0, b: 2.0, c: 3.0], names: {1, 2, 3})")
    }
}

/// TinyClaim's measurement as a sweep of three configurations per seed, sharded below the seed.
struct TinySweep: ClaimExperiment {
    typealias Settings = TinyClaim.Settings
    typealias Metrics = TinyClaim.Metrics
    typealias Extra = TinyClaim.Extra
    static let full = Settings(), quick = Settings(scale: 0.2)
    static var reportTemplate: URL? { TinyClaim.reportTemplate }
    static let rules = TinyClaim.rules

    static func configurationCount(_ settings: Settings) -> Int { 3 }

    /// Configuration j's part: a draw from its own generator (seed, j), so it needs nothing that ran before.
    static func measure(configuration j: Int, seed: Int, settings: Settings, inputs: Void) throws -> Double {
        var rng = SeededGenerator(seed: UInt64(seed * 10 + j))
        return settings.scale * Double(seed) / 3 + 1e-3 * rng.uniform(0, 1)
    }

    static func combine(seed: Int, parts: [Double], settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        Outcome(claim: Metrics(x: parts.reduce(0, +)), control: Metrics(x: 5), extra: Extra(y: parts[2] - parts[0]))
    }

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        try measureConfigurations(seed: seed, settings: settings, inputs: inputs)
    }

    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        var figure = Figure(title: "x per seed")
        figure.add(.linePoints(x: run.seeds.map(Double.init), y: run.claim(\.x), label: "x"))
        return [NamedFigure("x-per-seed", figure)]
    }
}

extension ExperimentLifecycleTests {
    static func runSweep(_ arguments: [String]) throws { try TinySweep.execute(try ExperimentOptions.parse(arguments)) }

    /// Shards that split seeds across configurations (4 shards of 2 seeds × 3 configurations) merge into the
    /// single run's report.
    @Test func aShardedSweepMergesIntoTheSingleRunsReport() throws {
        let root = try Self.shardRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let (single, shards, merged) = (root.appendingPathComponent("single"), root.appendingPathComponent("shards"),
                                        root.appendingPathComponent("merged"))
        try Self.runSweep(["--seeds", "2", "--formats", "svg", "--output", single.path])
        for k in 1...4 { try Self.runSweep(["--seeds", "2", "--shard", "\(k)/4", "--output", shards.path]) }
        try Self.runSweep(["--seeds", "2", "--formats", "svg", "--merge", shards.path, "--output", merged.path])
        let expected = try Self.allFiles(single.appendingPathComponent("tiny-claim"))
        #expect(!expected.isEmpty)
        #expect(try Self.allFiles(merged.appendingPathComponent("tiny-claim")) == expected)
        // Shard 2 of 4 holds units 1..<3: seed 0's configuration 2 and 3 (1-based).
        try FileManager.default.removeItem(at: shards.appendingPathComponent("tiny-claim/shard-2-of-4.json"))
        #expect(Self.message {
            try Self.runSweep(["--seeds", "2", "--merge", shards.path, "--output", root.path + "/o"])
        }.contains("shard 2/4 of tiny-claim (seed 0 configurations 2–3) is missing"))
    }

    /// Seed shards of a run cannot stand in for a sweep's configuration shards.
    @Test func unitsAreSeedMajorConfigurations() {
        #expect(ShardUnit.all(seeds: [5, 6], configurations: 2).map(\.description)
                == ["seed 5 configuration 1", "seed 5 configuration 2", "seed 6 configuration 1", "seed 6 configuration 2"])
        #expect(ShardUnit.all(seeds: [5, 6], configurations: 0).map(\.description) == ["seed 5", "seed 6"])
    }
}
