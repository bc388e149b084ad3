import Foundation

/// `reports/<claim-id>/result.json`, schema 2: the verdict under the rules in force and under the pre-registered
/// rules, every rule's per-seed values, and every metric per seed on both arms. Read back by `claims index`,
/// `claims check` and `claims robustness`. Keys are sorted and NaN/∞ written as strings, so the file is valid JSON and
/// byte-identical on rerun.
public struct ClaimResult: Codable, Sendable, Equatable {
    public static let currentSchema = 2

    public let schema: Int
    public let claim: String
    public let title: String
    public let expected: Verdict
    public let verdict: Verdict
    /// The verdict CLAIMS.md's rules as written give on the same run.
    public let preregisteredVerdict: Verdict
    /// "full" or "quick".
    public let mode: String
    public let seeds: [Int]
    /// The index's sentence: what the run found, with its numbers.
    public let takeHome: String
    public let control: String
    public let controlMustBe: ControlExpectation
    public let judgement: Judgement
    /// One metric over the seeds: a value per seed and their summary (mean, std, 95% CI, min, max).
    public struct MetricRecord: Codable, Sendable, Equatable {
        public let values: [Double]
        public let summary: Summary
    }

    /// Per metric name: the claim's arm, the control's arm, and the extra numbers.
    public let claimMetrics: [String: MetricRecord]
    public let controlMetrics: [String: MetricRecord]
    public let extraMetrics: [String: MetricRecord]
    /// Figure names in report order; the index's thumbnail; the rendered formats.
    public let figures: [String]
    public let keyFigure: String?
    public let formats: [String]

    init(metadata: ClaimMetadata, mode: String, takeHome: String, judgement: Judgement,
         claimMetrics: [String: [Double]], controlMetrics: [String: [Double]], extraMetrics: [String: [Double]],
         figures: [String], formats: [String]) {
        schema = Self.currentSchema
        claim = metadata.id
        title = metadata.title
        expected = metadata.expected
        verdict = judgement.verdict
        preregisteredVerdict = judgement.preregistered.verdict
        self.mode = mode
        seeds = judgement.seeds
        self.takeHome = takeHome
        control = metadata.control.description
        controlMustBe = metadata.control.mustBe
        self.judgement = judgement
        func records(_ metrics: [String: [Double]]) -> [String: MetricRecord] {
            metrics.mapValues { MetricRecord(values: $0, summary: Summary($0)) }
        }
        self.claimMetrics = records(claimMetrics)
        self.controlMetrics = records(controlMetrics)
        self.extraMetrics = records(extraMetrics)
        self.figures = figures
        keyFigure = metadata.keyFigure ?? figures.first
        self.formats = formats
    }

    /// The JSON text (sorted keys, two-space indentation, trailing newline).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads `<folder>/<claim>/result.json`.
    public static func read(claim: String, in folder: URL) throws -> ClaimResult {
        try read(from: folder.appendingPathComponent(claim).appendingPathComponent("result.json"))
    }

    /// Reads a result file, with a one-line error saying what is wrong and how to fix it.
    public static func read(from url: URL) throws -> ClaimResult {
        guard let data = try? Data(contentsOf: url) else { throw ClaimError.missingResult(path: url.path) }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        struct Schema: Decodable { let schema: Int }
        guard let schema = try? decoder.decode(Schema.self, from: data) else {
            throw ClaimError.unreadableResult(path: url.path, reason: "not a result file")
        }
        guard schema.schema == currentSchema else {
            throw ClaimError.unreadableResult(path: url.path,
                                              reason: "schema \(schema.schema), this tool reads schema \(currentSchema)")
        }
        do { return try decoder.decode(ClaimResult.self, from: data) } catch {
            throw ClaimError.unreadableResult(path: url.path, reason: "\(error)")
        }
    }
}
