import Datasets
import Foundation
import NeuralEngine

/// The 784-100-10 sigmoid net of the note: the hidden layer's weights from N(0, σ²), the output layer from LeCun
/// N(0, 1/fan_in) whatever σ is (so that only the hidden layer's initialisation differs between the nets).
func sigmoidNet(hiddenStandardDeviation sigma: Double, using rng: inout SeededGenerator) -> Sequential<Float> {
    Sequential<Float>([
        Linear<Float>(784, 100, initializer: .normal(standardDeviation: sigma), using: &rng),
        Activation<Float>(.sigmoid),
        Linear<Float>(100, 10, initializer: .lecunNormal, using: &rng),
    ])
}

/// The hidden layer of a sigmoid net on one batch: the pre-activations a = xW₁ (biases 0), the outputs σ(a) and the
/// derivatives σ′(a) = σ(a)(1 − σ(a)), summarised by the engine's probes.
struct HiddenLayerProbe: Sendable {
    /// Statistics of the pre-activations, with a histogram of `histogramBins` bins over `preActivationRange`.
    let preActivation: ActivationStatistics
    /// Statistics of σ(a); `saturatedFraction` counts σ < 0.03 or > 0.97 (the engine's sigmoid convention).
    let output: ActivationStatistics
    /// Statistics of σ′(a), with a histogram over [0, 1/4].
    let derivative: ActivationStatistics
    /// Fractions of outputs below 0.03 and above 0.97, from a 100-bin histogram of σ(a) over [0, 1].
    let saturatedLow: Double
    let saturatedHigh: Double

    static let derivativeBins = 25

    /// Probes `network` (a `sigmoidNet`) on `batch` in the evaluation phase.
    init(_ network: Sequential<Float>, batch: Tensor<Float>, preActivationRange: ClosedRange<Double>,
         histogramBins: Int) {
        _ = network.forward(batch, phase: .evaluation)
        let a = network.outputs[0], y = network.outputs[1]
        let derivative = y * (Tensor<Float>(rows: y.rows, columns: y.columns, repeating: 1) - y)
        preActivation = ActivationStatistics(of: a, histogramBins: histogramBins, histogramRange: preActivationRange)
        output = ActivationStatistics(of: y, function: .sigmoid, histogramBins: 100, histogramRange: 0...1)
        self.derivative = ActivationStatistics(of: derivative, histogramBins: Self.derivativeBins,
                                               histogramRange: 0...0.25)
        let counts = output.histogram.counts, n = Double(y.count)
        saturatedLow = Double(counts[0..<3].reduce(0, +)) / n
        saturatedHigh = Double(counts[97..<100].reduce(0, +)) / n
    }
}

/// One initialisation on one seed: the hidden layer at initialisation, then SGD training and the evaluation accuracy
/// (NaN if the loss stopped being finite).
struct InitialisationRun: Sendable {
    let sigma: Double
    /// The hidden layer at initialisation.
    let atInit: HiddenLayerProbe
    /// The analytic pre-activation std at initialisation, σ·√E[‖x‖²] over the probe batch (biases 0).
    let analyticStandardDeviation: Double
    /// Evaluation accuracy after each `evaluationInterval` steps (index 0: at initialisation).
    let accuracies: [Double]
    /// The hidden layer after training (on the same probe batch).
    let afterTraining: HiddenLayerProbe
    /// How far training moved the hidden weights, ‖W₁(end) − W₁(0)‖ (NaN if diverged).
    let hiddenWeightChange: Double
    let diverged: Bool

    var finalAccuracy: Double { diverged ? .nan : accuracies.last! }
    /// The accuracy after the first evaluation interval (NaN if the run diverged before it).
    var firstIntervalAccuracy: Double { accuracies.count > 1 ? accuracies[1] : .nan }

    init(sigma: Double, training: LabeledDataset<Float>, evaluation: LabeledDataset<Float>, probe: Tensor<Float>,
         preActivationRange: ClosedRange<Double>, histogramBins: Int, steps: Int, evaluationInterval: Int,
         learningRate: Double, batchSize: Int, using rng: inout SeededGenerator) {
        self.sigma = sigma
        var weights = rng.split()
        let network = sigmoidNet(hiddenStandardDeviation: sigma, using: &weights)
        atInit = HiddenLayerProbe(network, batch: probe, preActivationRange: preActivationRange,
                                  histogramBins: histogramBins)
        analyticStandardDeviation = sigma * (probe.squaredSum() / Double(probe.rows)).squareRoot()
        let hidden = network.layers[0] as! Linear<Float>
        let initialWeights = hidden.weight.value
        let optimizer = SGD<Float>(learningRate: learningRate)
        func evaluate() -> Double { accuracy(network.predict(evaluation.features), labels: evaluation.labels) }
        var accuracies = [evaluate()]
        var step = 0, diverged = false
        training: while step < steps {
            for batch in training.batches(size: batchSize, dropLast: true, using: &rng) {
                let loss = network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                guard loss.isFinite else {
                    diverged = true
                    break training
                }
                step += 1
                if step % evaluationInterval == 0 { accuracies.append(evaluate()) }
                if step == steps { break training }
            }
        }
        self.accuracies = accuracies
        self.diverged = diverged
        hiddenWeightChange = diverged ? .nan : (hidden.weight.value - initialWeights).norm()
        afterTraining = HiddenLayerProbe(network, batch: probe, preActivationRange: preActivationRange,
                                         histogramBins: histogramBins)
    }
}
