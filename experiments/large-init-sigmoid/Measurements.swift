import Datasets
import Foundation
import NeuralEngine

/// The 784-100-10 sigmoid net of the note: hidden weights from N(0, σ²), biases 0, and the output layer from LeCun
/// N(0, 1/fan_in) whatever σ is, so that only the hidden layer's initialisation differs between the nets.
func sigmoidNet(hiddenStandardDeviation sigma: Double, using rng: inout SeededGenerator) -> Sequential<Float> {
    Sequential<Float>([
        Linear<Float>(784, 100, initializer: .normal(standardDeviation: sigma), using: &rng),
        Activation<Float>(.sigmoid),
        Linear<Float>(100, 10, initializer: .lecunNormal, using: &rng),
    ])
}

/// A unit is saturated when σ(a) < 0.03 or > 0.97 (the engine's convention), i.e. |a| > ln(0.97/0.03) ≈ 3.48.
let saturationCut = Foundation.log(0.97 / 0.03)

/// What theory predicts for the hidden layer before any weight is drawn. With w ~ N(0, σ²·I) and no bias, a = w·x is
/// exactly N(0, σ²‖x‖²) for each image x, so over a batch a is a mixture of Gaussians, one per image.
struct PreActivationTheory: Sendable, Codable {
    /// ‖x‖ of each probe image.
    let norms: [Double]

    init(probe: Tensor<Float>) {
        norms = (0..<probe.rows).map { i in (0..<probe.columns).reduce(0) { $0 + Double(probe[i, $1] * probe[i, $1]) }.squareRoot() }
    }

    /// σ·√E‖x‖²: the standard deviation of a over the batch.
    func standardDeviation(_ sigma: Double) -> Double {
        sigma * (norms.reduce(0) { $0 + $1 * $1 } / Double(norms.count)).squareRoot()
    }

    /// The expected saturated fraction: the mean over images of P(|a| > cut) = erfc(cut / (σ‖x‖√2)).
    func saturatedFraction(_ sigma: Double) -> Double {
        norms.reduce(0) { $0 + erfc(saturationCut / (sigma * $1 * 2.0.squareRoot())) } / Double(norms.count)
    }

    /// The same for a single Gaussian of the batch's standard deviation (ignoring that images differ in ‖x‖).
    func gaussianSaturatedFraction(_ sigma: Double) -> Double {
        erfc(saturationCut / (standardDeviation(sigma) * 2.0.squareRoot()))
    }

    /// The mixture's density at `a`.
    func density(_ sigma: Double, at a: Double) -> Double {
        norms.reduce(0) { sum, n in
            let s = sigma * n
            return sum + Foundation.exp(-a * a / (2 * s * s)) / (s * (2 * Double.pi).squareRoot())
        } / Double(norms.count)
    }
}

/// The hidden layer of a `sigmoidNet` on one batch (evaluation phase): pre-activations a = xW₁, outputs σ(a) and
/// derivatives σ′(a) = σ(a)(1 − σ(a)).
struct HiddenLayerProbe: Sendable, Codable {
    var preActivation: ActivationStatistics
    /// `saturatedFraction` counts σ < 0.03 or > 0.97.
    var output: ActivationStatistics
    /// Histogram over [0, 1/4] in `derivativeBins` bins.
    var derivative: ActivationStatistics
    /// Fractions of outputs below 0.03 and above 0.97.
    var saturatedLow: Double, saturatedHigh: Double

    static let derivativeBins = 25

    init(_ network: Sequential<Float>, batch: Tensor<Float>, preActivationRange: ClosedRange<Double>, bins: Int) {
        _ = network.forward(batch, phase: .evaluation)
        let a = network.outputs[0], y = network.outputs[1]
        preActivation = ActivationStatistics(of: a, histogramBins: bins, histogramRange: preActivationRange)
        output = ActivationStatistics(of: y, function: .sigmoid, histogramBins: 1, histogramRange: 0...1)
        derivative = ActivationStatistics(of: y * (Tensor(rows: y.rows, columns: y.columns, repeating: 1) - y),
                                          histogramBins: Self.derivativeBins, histogramRange: 0...0.25)
        let n = Double(y.count)
        saturatedLow = Double(y.scalars.filter { $0 < 0.03 }.count) / n
        saturatedHigh = Double(y.scalars.filter { $0 > 0.97 }.count) / n
    }
}

/// One initialisation on one seed: the hidden layer at initialisation, then plain SGD training, with the evaluation
/// accuracy every `evaluationInterval` steps.
struct InitialisationRun: Sendable, Codable {
    var atInit: HiddenLayerProbe
    /// Evaluation accuracy at step 0, `evaluationInterval`, 2·`evaluationInterval`, … (NaN from a divergence on).
    var accuracies: [Double] = []
    var afterTraining: HiddenLayerProbe
    /// ‖W₁(end) − W₁(0)‖: how far training moved the hidden weights (NaN if diverged).
    var hiddenWeightChange = 0.0

    init(sigma: Double, range: ClosedRange<Double>, settings: LargeInitSigmoid.Settings,
         data: LargeInitSigmoid.Inputs, probe: Tensor<Float>, train: Bool, using rng: inout SeededGenerator) {
        var weights = rng.split()
        let network = sigmoidNet(hiddenStandardDeviation: sigma, using: &weights)
        atInit = HiddenLayerProbe(network, batch: probe, preActivationRange: range, bins: settings.histogramBins)
        afterTraining = atInit
        guard train else { return }
        let hidden = network.layers[0] as! Linear<Float>
        let initial = hidden.weight.value
        var accuracies = [network.accuracy(on: data.evaluation)]
        let log = network.train(on: data.training, steps: settings.steps, batchSize: settings.batchSize,
                                optimizer: SGD<Float>(learningRate: settings.learningRate), using: &rng) { step, _ in
            if step % settings.evaluationInterval == 0 { accuracies.append(network.accuracy(on: data.evaluation)) }
        }
        let expected = settings.steps / settings.evaluationInterval + 1
        self.accuracies = accuracies + Array(repeating: .nan, count: expected - accuracies.count)
        hiddenWeightChange = log.diverged ? .nan : (hidden.weight.value - initial).norm()
        afterTraining = HiddenLayerProbe(network, batch: probe, preActivationRange: range, bins: settings.histogramBins)
    }

    var finalAccuracy: Double { accuracies.last ?? .nan }
}
