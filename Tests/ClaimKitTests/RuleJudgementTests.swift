import Foundation
import Testing
@testable import ClaimKit

/// The verdict model against hand-worked cases: rules in force and pre-registered, soft rules, controls, NaN.
@Suite struct RuleJudgementTests {
    struct M: SeedMetrics { var a = 0.0, b = 0.0 }

    static let strict = [Rule("a", \M.a, .lessThan(1))]

    func judge(_ rules: [Rule<M>], claim: [Double], control: [Double], mustBe: ControlExpectation = .rejected) -> Judgement {
        Judgement(rules: rules, claim: claim.map { M(a: $0, b: $0) }, control: control.map { M(a: $0, b: $0) },
                  seeds: Array(claim.indices), controlMustBe: mustBe)
    }

    @Test func everySeedHoldsAndTheControlIsRejected() {
        let j = judge(Self.strict, claim: [0.5, 0.2, 0.9], control: [2, 3, 4])
        #expect(j.verdict == .reproduced)
        #expect(j.seedsAgreeing(with: .reproduced) == [true, true, true])
        #expect(j.seedsAgreeing(with: .notReproduced) == [false, false, false])
        #expect(j.rule("a")?.worstSeedIndex == 2)
    }

    @Test func aControlThatPassesMakesItInconclusive() {
        let j = judge(Self.strict, claim: [0.5, 0.2], control: [2, 0.5])
        #expect(j.verdict == .inconclusive)
        #expect(j.seedsAgreeing(with: .reproduced) == [true, false])
    }

    @Test func failingOnEverySeedIsNotReproducedAndDisagreeingIsInconclusive() {
        #expect(judge(Self.strict, claim: [2, 3], control: [2, 3]).verdict == .notReproduced)
        #expect(judge(Self.strict, claim: [0.5, 3], control: [2, 3]).verdict == .inconclusive)
    }

    @Test func softRuleNeedsFourOfFive() {
        let soft = [Rule("a", \M.a, .lessThan(1), soft: true)]
        #expect(judge(soft, claim: [0, 0, 0, 0, 5], control: [5, 5, 5, 5, 5]).verdict == .reproduced)
        #expect(judge(soft, claim: [0, 0, 0, 5, 5], control: [5, 5, 5, 5, 5]).verdict == .inconclusive)
    }

    @Test func nanNeverHolds() {
        #expect(judge(Self.strict, claim: [.nan], control: [5]).verdict == .notReproduced)
    }

    @Test func amendedRuleIsJudgedBothWays() {
        let rules = [Rule("a", \M.a, .lessThan(1)).amended(.lessThan(2))]
        let j = judge(rules, claim: [1.5, 1.2], control: [3, 3])
        #expect(rules[0].isAmended)
        #expect(j.verdict == .reproduced)
        #expect(j.preregistered.verdict == .notReproduced)
        #expect(j.deviates)
    }

    @Test func addedRulesDoNotCountTowardsThePreregisteredVerdict() {
        let rules = [Rule("a", \M.a, .lessThan(1)), Rule.added("b", \M.b, .greaterThan(10))]
        let j = judge(rules, claim: [0.5], control: [5])
        #expect(j.verdict == .notReproduced)
        #expect(j.preregistered.verdict == .reproduced)
        #expect(j.preregistered.claim.map(\.id) == ["a"])
    }

    @Test func positiveControlMustBeAccepted() {
        #expect(judge(Self.strict, claim: [2, 2], control: [0.5, 0.5], mustBe: .accepted).verdict == .notReproduced)
        #expect(judge(Self.strict, claim: [2, 2], control: [0.5, 5], mustBe: .accepted).verdict == .inconclusive)
    }

    @Test func metricNamesComeFromKeyPaths() {
        #expect(MetricFields.name(of: \M.b) == "b")
        #expect(MetricFields.numbers(of: M(a: 1, b: 2)).map(\.name) == ["a", "b"])
    }
}

/// Generated numbers: spread-aware digits, real minus signs, no "0–0".
@Suite struct NumbersTests {
    @Test func meanStdKeepsDigitsTheSpreadSupports() {
        #expect(Numbers.meanStd([0.234, 0.236, 0.234, 0.237, 0.235]) == "0.235 ± 0.001")
        #expect(Numbers.meanStd([0.77, 1.0]) == "0.89 ± 0.16")
        #expect(Numbers.meanStd([-1.0, -1.0]) == "−1")
        #expect(Numbers.meanStd([-1.5, -1.5]) == "−1.50")
        #expect(Numbers.meanStd([0.5]) == "0.500")
        #expect(Numbers.meanStd([0.2134, 0.2138]) == "0.2136 ± 0.0003")
        #expect(Numbers.meanStd([2.302585, 2.302586]) == "2.30")
        #expect(Numbers.meanStd([1, .nan]) == "diverged")
    }

    @Test func rangesAndMinusSigns() {
        #expect(Numbers.range([0, 0]) == "0")
        #expect(Numbers.range([0.1, 0.3, .nan]) == "0.100–0.300 (1 diverged)")
        #expect(Numbers.text(-7.7e-6, significant: 2) == "−7.7e−6")
        #expect(Numbers.compact(-0.85) == "−0.85")
    }
}

/// Report folders: a stale staging folder of a dead process is removed; a live one is kept.
@Suite struct ReportFolderTests {
    @Test func staleStagingFoldersAreRemoved() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let dead = output.appendingPathComponent(".x.partial-999999999")
        let alive = output.appendingPathComponent(".x.partial-\(getpid())")
        for folder in [dead, alive] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try ReportFolder(output: output.path, id: "x").prepare()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
        try? FileManager.default.removeItem(at: alive)
        try ReportFolder(output: output.path, id: "x").write { staging in
            try Data("{}".utf8).write(to: staging.appendingPathComponent("result.json"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(names == ["x"])
    }
}
