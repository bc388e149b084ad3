import ClaimKit
import NeuralEngine
import Testing
@testable import random_vs_grid_search

/// The experiment's own rules on its own regret studies, shrunk: they accept random search against the centred grid
/// when one parameter matters and reject it when every parameter weighs the same (the control).
@Suite struct RandomVsGridSearchTests {
    typealias Experiment = RandomVsGridSearch
    let configurations = [Configuration(dimensions: 2, trials: 9), Configuration(dimensions: 2, trials: 25)]

    func metrics(equalWeights: Bool, seed: UInt64) -> Experiment.Metrics {
        var rng = SeededGenerator(seed: seed)
        let settings = Experiment.full
        func studies(_ width: Double) -> [RegretStudy] {
            configurations.map {
                RegretStudy($0, repetitions: 1000, width: width, minorWeight: equalWeights ? 1 : settings.minorWeight,
                            using: &rng)
            }
        }
        let (amended, original) = (studies(settings.width), studies(settings.originalWidth))
        return Experiment.Metrics(worstMedianRatio: amended.map(\.medianRatio).max()!,
                                  worstWinProbability: amended.map(\.winProbability).min()!,
                                  worstMedianRatioOriginal: original.map(\.medianRatio).max()!,
                                  worstWinProbabilityOriginal: original.map(\.winProbability).min()!)
    }

    @Test func rulesAcceptRandomAndRejectEqualWeights() {
        let claim = [0, 1].map { metrics(equalWeights: false, seed: $0) }
        let control = [0, 1].map { metrics(equalWeights: true, seed: $0) }
        let judgement = Judgement(rules: Experiment.rules, claim: claim, control: control, seeds: [0, 1],
                                  controlMustBe: .rejected)
        #expect(judgement.verdict == .reproduced, "\(claim)")
        #expect(judgement.inForce.controlSeeds == [false, false], "\(control)")
        #expect(Experiment.rules.allSatisfy { $0.isAmended })   // the width s, amended: both verdicts are reported
    }

    /// The centred grid has m^d points at (j + ½)/m; a trial at the optimum has regret 0, one far from every bump
    /// regret close to 1.
    @Test func gridAndRegretOracle() {
        let grid = centredGrid(perAxis: 3, dimensions: 2)
        #expect(grid.count == 9 && grid.contains([0.5, 0.5]) && grid.contains([1.0 / 6, 5.0 / 6]))
        #expect(centredGrid(perAxis: 2, dimensions: 4).count == 16)
        let objective = Objective(centre: [0.3, 0.7], weights: [1, 0.1], width: 0.06)
        #expect(objective.regret([[0.3, 0.7]]) == 0)
        #expect(objective.regret([[0.9, 0.1]]) > 0.99)
        #expect(Configuration(dimensions: 4, trials: 81).perAxis == 3)
    }

    /// The real search's zoom keeps the box inside the coarse one and 1/m as wide.
    @Test func zoomStaysInside() {
        let box = SearchBox(learningRate: -5...0, weightDecay: -6...(-1))
        let zoomed = box.zoomed(on: Trial(logLearningRate: -0.1, logWeightDecay: -3.5), by: 3)
        #expect(abs(zoomed.learningRate.upperBound - 0) < 1e-12 && abs(zoomed.learningRate.lowerBound + 5.0 / 3) < 1e-12)
        #expect(abs(zoomed.weightDecay.lowerBound + 3.5 + 5.0 / 6) < 1e-12)
    }

    @Test func templateIsValid() {
        #expect(Experiment.templateProblems() == [])
    }
}
