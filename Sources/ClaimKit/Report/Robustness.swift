import Foundation

/// `reports/robustness.json`: how often each claim and each of its rules holds on fresh seeds (1000–1019, quick
/// mode) — seeds neither the reports nor the quick check use. Written by `claims robustness`; read by every report
/// (a claim below 19/20 says so) and by the index.
public struct Robustness: Codable, Sendable, Equatable {
    public struct ClaimStability: Codable, Sendable, Equatable {
        public let seeds: [Int]
        /// Seeds that agree, each alone, with the expected verdict (rules and control together).
        public let agrees: Int
        /// Per rule id: seeds on which it holds (in force), and under its pre-registered form.
        public let rules: [String: Int]
        public let preregisteredRules: [String: Int]
        /// The verdict the fresh seeds give together.
        public let verdict: Verdict

        public var text: String { "\(agrees)/\(seeds.count)" }
        /// DESIGN's bar: at least 19 of 20.
        public var isStable: Bool { agrees * 20 >= 19 * seeds.count }

        public init(_ result: ClaimResult) {
            seeds = result.seeds
            agrees = result.judgement.seedsAgreeing(with: result.expected).filter { $0 }.count
            rules = Dictionary(uniqueKeysWithValues: result.judgement.inForce.claim.map { ($0.id, $0.passing) })
            preregisteredRules = Dictionary(uniqueKeysWithValues:
                result.judgement.preregistered.claim.map { ($0.id, $0.passing) })
            verdict = result.verdict
        }
    }

    public static let fileName = "robustness.json"
    public static let seeds = Array(1000..<1020)

    public var claims: [String: ClaimStability]

    public init(claims: [String: ClaimStability]) { self.claims = claims }

    /// Reads `<folder>/robustness.json`, or nil when there is none (robustness not run yet).
    public static func read(in folder: URL) throws -> Robustness? {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        do { return try JSONDecoder().decode(Robustness.self, from: data) } catch {
            throw ClaimError.unreadableResult(path: url.path, reason: "\(error)")
        }
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
