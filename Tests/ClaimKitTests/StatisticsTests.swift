import Testing
@testable import ClaimKit

/// Conditions: NaN never holds; the text the reports print.
@Suite struct ConditionTests {
    @Test func divergedSeedFailsEveryCondition() {
        #expect(!Condition.lessThan(1).holds(.nan))
        #expect(!Condition.greaterThan(1).holds(.nan))
        #expect(!Condition.between(0, 1).holds(.nan))
    }

    @Test func conditionText() {
        #expect(Condition.between(0.2, 0.25).text == "in [0.2, 0.25]")
        #expect(Condition.lessThan(0.05).text == "< 0.05")
        #expect(Condition.greaterThan(-0.8).text == "> −0.8")
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
