import Foundation
import Reporting

/// Shard k of n of a run's seed list: the contiguous block of seeds k−1 of n equal-as-possible blocks (sizes differ by
/// at most one), so `--shard 2/3` of seeds 0…4 measures seeds 2 and 3. Written on the command line as `k/n`, 1 ≤ k ≤ n.
public struct ShardSpec: Equatable, Sendable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "k/n"; nil when it is not two positive integers with k ≤ n.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            return nil
        }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// This shard's block of the run's units (seeds, or a sweep's (seed, configuration) pairs): indices
    /// ⌊(k−1)·N/n⌋ ..< ⌊k·N/n⌋ (empty when n > N and the block is empty).
    public func block<T>(of units: [T]) -> [T] {
        Array(units[(index - 1) * units.count / count ..< index * units.count / count])
    }

    /// This shard's seeds out of the run's `seeds`.
    public func seeds(of seeds: [Int]) -> [Int] { block(of: seeds) }

    /// `shard-k-of-n.json`, and the log a job array task writes beside it.
    public var fileName: String { "shard-\(index)-of-\(count).json" }
    public var logName: String { "shard-\(index)-of-\(count).log" }
}

/// The smallest piece of a run a shard measures: one seed, or, for an experiment that shards its sweep
/// (`configurationCount > 0`), one configuration of one seed.
public struct ShardUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    public var seed: Int
    public var configuration: Int?

    public var description: String { configuration.map { "seed \(seed) configuration \($0 + 1)" } ?? "seed \(seed)" }

    /// The run's units in order: seed-major, configurations 0..<count within a seed (none when count is 0).
    static func all(seeds: [Int], configurations count: Int) -> [ShardUnit] {
        count == 0 ? seeds.map { ShardUnit(seed: $0) }
            : seeds.flatMap { seed in (0..<count).map { ShardUnit(seed: seed, configuration: $0) } }
    }
}

/// What one shard measured, as written by `--shard k/n` into `<output>/<claim-id>/shard-k-of-n.json` and read by
/// `--merge`: every unit's result, unjudged (a seed's outcome, or a configuration's part), with what identifies the
/// run it belongs to (claim, mode, the settings' description, the build, the run's whole seed list and its number of
/// configurations), so that shards of different runs are never merged.
struct ShardFile<Metrics: SeedMetrics, Extra: SeedMetrics, Part: Codable & Sendable>: Codable {
    /// The file format; bump `currentVersion` whenever the layout (or an Outcome's fields' meaning) changes.
    static var format: String { "lectureclaims-shard" }
    static var currentVersion: Int { 1 }

    /// One unit's result: a seed's outcome, or one configuration's part of it.
    struct Entry: Codable {
        var unit: ShardUnit
        var outcome: Outcome<Metrics, Extra>?
        var part: Part?
    }

    var format: String
    var version: Int
    var claim: String
    var mode: String
    var settings: String
    /// `BuildIdentity.current` of the executable that measured: a merge by another build (changed code with
    /// unchanged settings) is refused.
    var build: String
    var runSeeds: [Int]
    var configurations: Int
    var shard: ShardSpec
    var entries: [Entry]

    /// Non-finite numbers are written as the strings "NaN", "+Infinity" and "-Infinity" (JSON has no literal for
    /// them); finite ones in the shortest form that reads back to the same bits, so a merged run judges exactly the
    /// numbers the shard measured.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "+Infinity",
                                                                        negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}

/// Reading all shards of one claim's run back into the run's units, in order. Every unit of the run must come from
/// exactly one shard of one complete set 1…n; anything else (a shard missing or unreadable, one of another run, a unit
/// twice) is an error that names the file, never a smaller sample.
enum ShardMerge {
    struct Expected {
        var claim: String
        var mode: String
        var settings: String
        var seeds: [Int]
        var configurations: Int

        var units: [ShardUnit] { ShardUnit.all(seeds: seeds, configurations: configurations) }
    }

    static func entries<Metrics, Extra, Part>(in folder: URL, expected: Expected,
                                              as _: ShardFile<Metrics, Extra, Part>.Type)
        throws -> [ShardFile<Metrics, Extra, Part>.Entry] {
        typealias File = ShardFile<Metrics, Extra, Part>
        let claimFolder = folder.appendingPathComponent(expected.claim, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: claimFolder.path)) ?? [])
            .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw ClaimError.badShards("no shard files (shard-k-of-n.json) in \(claimFolder.path); run the shards "
                                       + "first (`\(expected.claim) --shard k/n --output \(folder.path)`)")
        }
        var shards: [(path: String, file: File)] = []
        for name in names {
            let path = claimFolder.appendingPathComponent(name).path
            let file: File
            do {
                file = try File.decoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ClaimError.badShards("cannot read \(path) (\(Self.reason(error))); delete it and rerun that shard")
            }
            try check(file, path: path, expected: expected)
            shards.append((path, file))
        }
        // One complete set: every shard names the same n, and k = 1…n each once.
        let count = shards[0].file.shard.count
        if let other = shards.first(where: { $0.file.shard.count != count }) {
            throw ClaimError.badShards("\(other.path) is shard \(other.file.shard) but \(shards[0].path) is of "
                                       + "\(count) shards: two shardings of one run are mixed; delete the stale files")
        }
        let present = Set(shards.map(\.file.shard.index))
        if let k = (1...count).first(where: { !present.contains($0) }) {
            let spec = ShardSpec(index: k, count: count)
            let log = claimFolder.appendingPathComponent(spec.logName).path
            let logNote = FileManager.default.fileExists(atPath: log) ? "; its log: \(log)" : ""
            throw ClaimError.badShards("shard \(spec) of \(expected.claim) (\(Self.describe(spec.block(of: expected.units)))) "
                                       + "is missing: no \(claimFolder.appendingPathComponent(spec.fileName).path)"
                                       + "\(logNote); rerun that shard, then merge again")
        }
        var byUnit: [ShardUnit: (path: String, entry: File.Entry)] = [:]
        for (path, file) in shards {
            for entry in file.entries {
                if let earlier = byUnit[entry.unit] {
                    throw ClaimError.badShards("\(entry.unit) of \(expected.claim) is in both \(earlier.path) and "
                                               + "\(path); delete the stale file and merge again")
                }
                let complete = expected.configurations == 0 ? entry.outcome != nil : entry.part != nil
                guard complete else {
                    throw ClaimError.badShards("\(path) holds no result for \(entry.unit); delete it and rerun that shard")
                }
                byUnit[entry.unit] = (path, entry)
            }
        }
        return try expected.units.map { unit in
            guard let found = byUnit[unit] else {
                throw ClaimError.badShards("\(unit) of \(expected.claim) is in no shard in \(claimFolder.path); "
                                           + "rerun the shards of this run")
            }
            return found.entry
        }
    }

    /// "seeds 1, 2", or "seed 0 configurations 3–5" for a sweep's block.
    static func describe(_ units: [ShardUnit]) -> String {
        guard units.contains(where: { $0.configuration != nil }) else {
            return "seeds " + (units.isEmpty ? "none" : units.map { String($0.seed) }.joined(separator: ", "))
        }
        return Dictionary(grouping: units, by: \.seed).sorted { $0.key < $1.key }.map { seed, group in
            "seed \(seed) configuration\(group.count == 1 ? "" : "s") "
                + range(group.compactMap(\.configuration).map { $0 + 1 })
        }.joined(separator: "; ")
    }

    /// The file belongs to this run, and holds exactly its shard's units.
    private static func check<Metrics, Extra, Part>(_ file: ShardFile<Metrics, Extra, Part>, path: String,
                                                    expected: Expected) throws {
        typealias File = ShardFile<Metrics, Extra, Part>
        func mismatch(_ what: String, _ found: String, _ wanted: String) -> ClaimError {
            .badShards("\(path) is of another run (\(what) \(found), this merge wants \(wanted)); "
                       + "delete it and rerun that shard with this run's options")
        }
        guard file.format == File.format else { throw mismatch("format", file.format, File.format) }
        guard file.version == File.currentVersion else {
            throw mismatch("version", "\(file.version)", "\(File.currentVersion)")
        }
        guard file.claim == expected.claim else { throw mismatch("claim", file.claim, expected.claim) }
        guard file.mode == expected.mode else { throw mismatch("mode", file.mode, expected.mode) }
        guard file.settings == expected.settings else {
            throw mismatch("settings", "that differ from this build's", "its \(expected.mode) settings")
        }
        guard file.build == BuildIdentity.current else {
            throw mismatch("build", file.build, "this build's \(BuildIdentity.current)")
        }
        guard file.runSeeds == expected.seeds else {
            throw mismatch("seeds", Self.range(file.runSeeds), Self.range(expected.seeds))
        }
        guard file.configurations == expected.configurations else {
            throw mismatch("configurations per seed", "\(file.configurations)", "\(expected.configurations)")
        }
        guard file.shard.count >= 1, (1...file.shard.count).contains(file.shard.index),
              path.hasSuffix("/" + file.shard.fileName) else {
            throw ClaimError.badShards("\(path) says it is shard \(file.shard.index)/\(file.shard.count), which is not "
                                       + "its file name's k/n with 1 ≤ k ≤ n; delete it and rerun that shard")
        }
        let units = file.entries.map(\.unit), wanted = file.shard.block(of: expected.units)
        guard units == wanted else {
            throw ClaimError.badShards("\(path) holds \(describe(units)) but shard \(file.shard) of this run is "
                                       + "\(describe(wanted)); delete it and rerun that shard")
        }
    }

    /// "1000–1019", "3", "1,4,7", or "none".
    static func range(_ seeds: [Int]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "none" }
        if first == last { return "\(first)" }
        return first < last && seeds == Array(first...last) ? "\(first)–\(last)"
            : seeds.map(String.init).joined(separator: ",")
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return "not valid JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _): return "no field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}

/// The running executable, identified by a hash of its bytes (FNV-1a over 8-byte words of /proc/self/exe), so that
/// shards are merged only by the build that measured them. Computed once per process (~10 ms for a 12 MB binary).
enum BuildIdentity {
    static let current: String = {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe"
            : (Bundle.main.executablePath ?? "")
        guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words { hash = (hash ^ raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) &* 0x100_0000_01b3 }
            for i in (8 * words)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }()
}

/// A description of a value that is the same in every process: `String(describing:)` with dictionaries' entries
/// sorted (a dictionary's order follows the per-process hash seed). It identifies the settings a shard ran with.
enum StableDescription {
    static func of(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let entries = mirror.children.map { entry -> String in
                let pair = Array(Mirror(reflecting: entry.value).children)
                return pair.count == 2 ? "\(of(pair[0].value)): \(of(pair[1].value))" : of(entry.value)
            }
            return "[" + entries.sorted().joined(separator: ", ") + "]"
        case .set:
            return "{" + mirror.children.map { of($0.value) }.sorted().joined(separator: ", ") + "}"
        case .struct, .class, .tuple:
            return "\(mirror.subjectType)(" + mirror.children.map { child in
                (child.label.map { "\($0): " } ?? "") + of(child.value)
            }.joined(separator: ", ") + ")"
        case .collection:
            return "[" + mirror.children.map { of($0.value) }.joined(separator: ", ") + "]"
        case .optional:
            return mirror.children.first.map { of($0.value) } ?? "nil"
        default:
            return String(describing: value)
        }
    }
}
