import Testing
@testable import ClaimKit

/// The verdict rules of DESIGN.md, on hand-made evidence.
@Suite struct JudgementTests {
    let check = LegacyCheck(rules: [LegacyRule("a", .between(0.2, 0.25)), LegacyRule("b", .lessThan(0.05))], reason: "test")

    func evidence(_ a: [Double], _ b: [Double]) -> LegacyEvidence {
        var e = LegacyEvidence(seeds: Array(0..<a.count))
        e.add("a", label: "a", values: a)
        e.add("b", label: "b", values: b)
        return e
    }

    var rejectedControl: LegacyControl {
        LegacyControl("control", mustBe: .rejected, evidence: evidence([1, 1, 1, 1, 1], [1, 1, 1, 1, 1]))
    }

    @Test func everySeedPassingWithRejectedControlIsReproduced() {
        let j = LegacyJudgement(check: check, claim: evidence([0.23, 0.22, 0.24, 0.21, 0.23], [0.01, 0.01, 0.02, 0.01, 0.03]),
                          control: rejectedControl)
        #expect(j.verdict == .reproduced)
        #expect(j.claim.passingSeedIndices == [0, 1, 2, 3, 4])
        #expect(j.controlBehaves)
    }

    @Test func everySeedFailingIsNotReproduced() {
        let j = LegacyJudgement(check: check, claim: evidence([0.5, 0.5, 0.5, 0.5, 0.5], [0.01, 0.01, 0.01, 0.01, 0.01]),
                          control: rejectedControl)
        #expect(j.verdict == .notReproduced)
    }

    @Test func disagreeingSeedsAreInconclusive() {
        let j = LegacyJudgement(check: check, claim: evidence([0.23, 0.23, 0.5, 0.23, 0.23], [0.01, 0.01, 0.01, 0.01, 0.01]),
                          control: rejectedControl)
        #expect(j.verdict == .inconclusive)
    }

    @Test func softRuleAcceptsFourOfFive() {
        let soft = LegacyCheck(rules: check.rules, soft: true, reason: "test")
        let j = LegacyJudgement(check: soft, claim: evidence([0.23, 0.23, 0.5, 0.23, 0.23], [0.01, 0.01, 0.01, 0.01, 0.01]),
                          control: rejectedControl)
        #expect(soft.requiredSeeds(of: 5) == 4)
        #expect(j.verdict == .reproduced)
    }

    @Test func controlThatPassesMakesItInconclusive() {
        let good = evidence([0.23, 0.23, 0.23, 0.23, 0.23], [0.01, 0.01, 0.01, 0.01, 0.01])
        let j = LegacyJudgement(check: check, claim: good, control: LegacyControl("same", mustBe: .rejected, evidence: good))
        #expect(!j.controlBehaves)
        #expect(j.verdict == .inconclusive)
    }

    @Test func positiveControlMustPass() {
        let good = evidence([0.23, 0.23, 0.23, 0.23, 0.23], [0.01, 0.01, 0.01, 0.01, 0.01])
        let bad = evidence([0.5, 0.5, 0.5, 0.5, 0.5], [0.01, 0.01, 0.01, 0.01, 0.01])
        let j = LegacyJudgement(check: check, claim: bad, control: LegacyControl("correct formula", mustBe: .accepted, evidence: good))
        #expect(j.verdict == .notReproduced)
    }

    @Test func divergedSeedFailsEveryCondition() {
        #expect(!Condition.lessThan(1).holds(.nan))
        #expect(!Condition.greaterThan(1).holds(.nan))
        #expect(!Condition.between(0, 1).holds(.nan))
        let j = LegacyJudgement(check: check, claim: evidence([.nan, .nan, .nan, .nan, .nan], [0, 0, 0, 0, 0]),
                          control: rejectedControl)
        #expect(j.verdict == .notReproduced)
    }

    @Test func worstSeedIsClosestToTheThreshold() {
        let result = check.evaluate(evidence([0.23, 0.201, 0.24, 0.22, 0.23], [0.01, 0.01, 0.049, 0.01, 0.01]))
        #expect(result.rules[0].worstSeedIndex == 1)
        #expect(result.rules[1].worstSeedIndex == 2)
    }

    @Test func conditionText() {
        #expect(Condition.between(0.2, 0.25).text == "in [0.2, 0.25]")
        #expect(Condition.lessThan(0.05).text == "< 0.05")
        #expect(Condition.greaterThan(0.8).text == "> 0.8")
    }
}

@Suite struct SummaryTests {
    /// Values 1…5: mean 3, sample std √2.5; t₀.₉₇₅,₄ = 2.776, half-width 2.776·√2.5/√5 = 1.963.
    @Test func closedForm() {
        let s = Summary([1, 2, 3, 4, 5])
        #expect(s.mean == 3)
        #expect(abs(s.standardDeviation - 2.5.squareRoot()) < 1e-12)
        #expect(abs(s.confidenceInterval95.upper - (3 + 2.776 * (0.5).squareRoot())) < 1e-9)
        #expect(s.minimum == 1 && s.maximum == 5)
    }

    @Test func oneSeedHasNoInterval() {
        let s = Summary([0.7])
        #expect(s.standardDeviation == 0)
        #expect(s.confidenceInterval95.lower == 0.7 && s.confidenceInterval95.upper == 0.7)
    }
}
