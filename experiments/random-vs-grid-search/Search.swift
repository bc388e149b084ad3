import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// One trial of the real search: log₁₀ η, log₁₀ λ and the validation accuracy (NaN when training diverged).
struct Trial: Sendable, Codable { var logLearningRate = 0.0, logWeightDecay = 0.0, accuracy = Double.nan }

/// A box in (log₁₀ η, log₁₀ λ).
struct SearchBox: Sendable {
    var learningRate: ClosedRange<Double>, weightDecay: ClosedRange<Double>

    /// The box of 1/m of this one's width on each axis, centred on `trial`, shifted to stay inside this box.
    func zoomed(on trial: Trial, by m: Int) -> SearchBox {
        func zoom(_ r: ClosedRange<Double>, _ x: Double) -> ClosedRange<Double> {
            let half = (r.upperBound - r.lowerBound) / Double(2 * m)
            let low = min(max(x - half, r.lowerBound), r.upperBound - 2 * half)
            return low...(low + 2 * half)
        }
        return SearchBox(learningRate: zoom(learningRate, trial.logLearningRate),
                         weightDecay: zoom(weightDecay, trial.logWeightDecay))
    }

    func point(_ u: Double, _ v: Double) -> (Double, Double) {
        (learningRate.lowerBound + u * (learningRate.upperBound - learningRate.lowerBound),
         weightDecay.lowerBound + v * (weightDecay.upperBound - weightDecay.lowerBound))
    }
}

/// Coarse-to-fine search of η and the L2 coefficient λ for SGD with momentum 0.9 on a 784-`hidden`-10 ReLU MLP:
/// stage 0 puts `perAxis`² trials in the coarse box (a centred grid in log space, or log-uniform random points),
/// stage 1 as many again in the box of 1/`perAxis` the width around stage 0's best trial.
func coarseToFineSearch(random: Bool, data: (training: LabeledDataset<Float>, validation: LabeledDataset<Float>),
                        settings: RandomVsGridSearch.Settings, using rng: inout SeededGenerator) -> [Trial] {
    let m = settings.perAxis
    var box = SearchBox(learningRate: settings.learningRateRange, weightDecay: settings.weightDecayRange)
    var trials: [Trial] = []
    for _ in 0..<settings.stages {
        let unit = random ? (0..<m * m).map { _ in (rng.unitUniform(), rng.unitUniform()) }
                          : centredGrid(perAxis: m, dimensions: 2).map { ($0[0], $0[1]) }
        for (u, v) in unit {
            let (eta, lambda) = box.point(u, v)
            SeedProgress.configuration(of: 2 * settings.stages * m * m, (random ? "random" : "grid")
                                       + String(format: " search, log₁₀ η %.2f, log₁₀ λ %.2f", eta, lambda))
            var training = rng.split()
            let network = Sequential<Float>.mlp(sizes: [784, settings.hidden, 10], activation: .relu,
                                                initializer: .heNormal, using: &training)
            let log = network.train(on: data.training, steps: settings.searchSteps, batchSize: settings.batchSize,
                                    optimizer: Momentum<Float>(learningRate: Foundation.pow(10, eta), momentum: 0.9,
                                                               weightDecay: Foundation.pow(10, lambda)),
                                    using: &training)
            let accuracy = log.diverged ? .nan : network.accuracy(on: data.validation)
            trials.append(Trial(logLearningRate: eta, logWeightDecay: lambda, accuracy: accuracy))
        }
        box = box.zoomed(on: bestTrial(trials), by: m)
    }
    return trials
}

/// The trial with the highest validation accuracy (diverged trials left out; the first trial if all diverged).
func bestTrial(_ trials: [Trial]) -> Trial {
    trials.filter { !$0.accuracy.isNaN }.max { $0.accuracy < $1.accuracy } ?? trials[0]
}
