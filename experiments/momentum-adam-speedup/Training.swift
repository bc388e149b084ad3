import Datasets
import Foundation
import NeuralEngine

/// The MLP part: 784-[256]×2-10 ReLU (He init) trained on Fashion-MNIST with each optimizer at its own learning rate.
struct MLPRun: Sendable {
    /// Mean mini-batch loss over consecutive windows of `settings.curveWindow` steps.
    var curve: [Double] = []
    /// Mean mini-batch loss of the last `settings.tail` steps (NaN when diverged).
    var finalLoss = Double.nan, testAccuracy = Double.nan

    init(_ method: Method, rate: Double, data: MomentumAdamSpeedup.Inputs, settings: MomentumAdamSpeedup.Settings,
         using rng: SeededGenerator) {
        var weights = rng, order = weights.split()   // the same initial weights and batch order for every optimizer
        let network = Sequential<Float>.mlp(sizes: [data.training.featureCount] + settings.hidden + [10],
                                            activation: .relu, initializer: .heNormal, using: &weights)
        let optimizer: any Optimizer<Float> = method.optimizer(rate: rate, mu: settings.mlpMomentum)
        let log = network.train(on: data.training, steps: settings.mlpSteps, batchSize: settings.batchSize,
                                optimizer: optimizer, using: &order)
        finalLoss = log.meanLoss(last: settings.tail)
        curve = stride(from: 0, to: settings.mlpSteps, by: settings.curveWindow).map { start in
            let window = log.losses.dropFirst(start).prefix(settings.curveWindow)
            return log.diverged || window.count < settings.curveWindow ? .nan : window.reduce(0, +) / Double(window.count)
        }
        if !log.diverged { testAccuracy = network.accuracy(on: data.test) }
    }

    /// Each method's learning rate with the lowest final loss on the tuning seed (not one of the report's seeds).
    static func tunedRates(data: MomentumAdamSpeedup.Inputs, settings: MomentumAdamSpeedup.Settings) -> [Method: Double] {
        Dictionary(uniqueKeysWithValues: settings.mlpRates.map { method, grid in
            let tuning = SeededGenerator(seed: UInt64(settings.tuningSeed))
            let losses = grid.map { MLPRun(method, rate: $0, data: data, settings: settings, using: tuning).finalLoss }
            return (method, grid[losses.indices.filter { !losses[$0].isNaN }.min { losses[$0] < losses[$1] }!])
        })
    }
}
