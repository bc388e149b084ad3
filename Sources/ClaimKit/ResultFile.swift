import Foundation

/// `reports/<claim-id>/result.json`: the verdict and every metric per seed, read back by `claims index` and
/// `claims check`. Keys are sorted and NaN/∞ written as strings so the file is valid JSON and byte-identical on rerun.
/// Bump `currentSchema` when a field changes meaning.
public struct LegacyResultFile: Codable, Sendable, Equatable {
    public static let currentSchema = 1

    public struct MetricRecord: Codable, Sendable, Equatable {
        public let name: String
        public let label: String
        /// One value per seed, in the order of `LegacyResultFile.seeds`.
        public let values: [Double]
        public let summary: Summary
    }

    public struct RuleRecord: Codable, Sendable, Equatable {
        public let metric: String
        public let rule: String
        public let values: [Double]
        public let holds: [Bool]
    }

    public struct CheckRecord: Codable, Sendable, Equatable {
        public let rules: [RuleRecord]
        /// Seeds on which every rule holds.
        public let passingSeeds: [Int]
        /// How many seeds must pass.
        public let requiredSeeds: Int
    }

    public let schema: Int
    public let claim: String
    public let title: String
    public let statement: String
    public let verdict: Verdict
    public let expected: Verdict
    /// "full" or "quick".
    public let mode: String
    public let seeds: [Int]
    /// The one number the index shows, as text (e.g. "attenuation 0.235 per layer").
    public let keyNumber: String
    public let check: CheckRecord
    public let checkReason: String
    public let control: String
    /// "rejected" or "accepted": what the control must be.
    public let controlMustBe: String
    public let controlCheck: CheckRecord
    public let controlBehaves: Bool
    public let metrics: [MetricRecord]
    public let controlMetrics: [MetricRecord]
    /// Figure names in report order (files under figures/), e.g. for the index's thumbnail.
    public let figures: [String]
    /// The figure the index shows as a thumbnail.
    public let keyFigure: String?
    /// Figure formats rendered, e.g. ["svg", "png", "pdf"].
    public let formats: [String]

    init(claim: Claim, mode: String, keyNumber: String, figures: [String], keyFigure: String?, formats: [String],
         check: LegacyCheck, judgement: LegacyJudgement,
         evidence: LegacyEvidence, control: LegacyControl) {
        func record(_ result: LegacyCheckResult) -> CheckRecord {
            CheckRecord(rules: result.rules.map {
                RuleRecord(metric: $0.rule.metric, rule: $0.rule.condition.text, values: $0.values, holds: $0.holds)
            }, passingSeeds: result.passingSeedIndices.map { result.seeds[$0] }, requiredSeeds: result.required)
        }
        func records(_ evidence: LegacyEvidence) -> [MetricRecord] {
            evidence.metrics.map { MetricRecord(name: $0.name, label: $0.label, values: $0.values, summary: $0.summary) }
        }
        schema = Self.currentSchema
        self.claim = claim.id
        title = claim.title
        statement = claim.statement
        verdict = judgement.verdict
        expected = claim.expected
        self.mode = mode
        seeds = evidence.seeds
        self.keyNumber = keyNumber
        self.check = record(judgement.claim)
        checkReason = check.reason
        self.control = control.description
        controlMustBe = control.expectation.rawValue
        controlCheck = record(judgement.control)
        controlBehaves = judgement.controlBehaves
        metrics = records(evidence)
        controlMetrics = records(control.evidence)
        self.figures = figures
        self.keyFigure = keyFigure ?? figures.first
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

    /// Reads a result file, with a one-line error saying what is wrong and how to fix it.
    public static func read(from url: URL) throws -> LegacyResultFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ClaimError.missingResult(path: url.path)
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let result: LegacyResultFile
        do { result = try decoder.decode(LegacyResultFile.self, from: data) } catch {
            throw ClaimError.unreadableResult(path: url.path, reason: "\(error)")
        }
        guard result.schema == currentSchema else {
            throw ClaimError.unreadableResult(path: url.path,
                                              reason: "schema \(result.schema), this tool reads schema \(currentSchema)")
        }
        return result
    }
}
