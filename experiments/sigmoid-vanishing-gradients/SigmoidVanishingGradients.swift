import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim A1 of CLAIMS.md: ‖∂L/∂h_l‖ through deep sigmoid, tanh and ReLU + He nets at initialisation, and Glorot &
/// Bengio's Fig. 2 during training. Negative control: σ′ coded as 1 (report.md says why it could have passed).
@main
struct SigmoidVanishingGradients: ClaimExperiment {
    struct Settings: Sendable {
        var batchSize = 256
        var depths = [5, 10]
        var dynamicsSteps = 2500
        var probeInterval = 25
        var trainingExamples = 20_000
        var learningRate = 1.0
        var dynamicsBatch = 100
    }
    static let full = Settings()
    static let quick = Settings(dynamicsSteps: 500)

    struct Metrics: SeedMetrics {
        /// Geometric-mean factor by which ‖∂L/∂h_l‖ shrinks per hidden layer, L = 5.
        var attenuation = 0.0
        /// ‖∂L/∂W₁‖ / ‖∂L/∂W₅‖, L = 5.
        var firstToLastWeightGradient = 0.0
    }

    struct Extra: SeedMetrics {
        var attenuation10 = 0.0, firstToLastWeightGradient10 = 0.0, attenuationTanh = 0.0, attenuationReLU = 0.0
        var topLayerMeanInitial = 0.0, topLayerMean500 = 0.0, loss500 = 0.0, lossFinal = 0.0
        /// ‖ΔW₁‖/‖W₁‖ and ‖ΔW₅‖/‖W₅‖ after training, and their ratio.
        var firstLayerChange = 0.0, topHiddenLayerChange = 0.0, firstToTopChange = 0.0
        /// Curves: per variant name, per depth, ‖∂L/∂h_l‖ for hidden layers l = 1…L.
        var hiddenGradientNorms: [String: [Int: [Double]]] = [:]
        var dynamics = TrainingDynamics()
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("attenuation", \Metrics.attenuation, .between(0.20, 0.25)),
        Rule("first-to-last-weight-gradient", \Metrics.firstToLastWeightGradient, .lessThan(0.05)),
    ]

    /// The networks compared at initialisation: name, activation layer factory, initializer, colour.
    static let variants: [(name: String, activation: @Sendable () -> any Layer<Float>, initializer: Initializer,
                           arm: Arm)] = [
        ("sigmoid", { Activation(.sigmoid) }, .lecunNormal, .sigmoid),
        ("tanh", { Activation(.tanh) }, .lecunNormal, .tanh),
        ("ReLU + He", { Activation(.relu) }, .heNormal, .relu),
        ("sigmoid, σ′ coded as 1", { MutatedDerivative(.sigmoid) { _, _ in 1 } }, .lecunNormal, .control),
    ]

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.trainingExamples)
    }

    static func measure(seed: Int, settings: Settings, inputs data: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let batch = data.subset(Array(rng.permutation(data.count).prefix(settings.batchSize)))
        var flows: [String: [Int: GradientFlow]] = [:]
        for variant in variants {
            for depth in settings.depths {
                var weights = rng.split()
                flows[variant.name, default: [:]][depth] = GradientFlow(
                    activation: variant.activation, initializer: variant.initializer, depth: depth,
                    batch: batch.features, labels: batch.labels, using: &weights)
            }
        }
        var training = rng.split()
        let dynamics = TrainingDynamics(training: data, probe: data.prefix(500), settings: settings, using: &training)
        func metrics(_ name: String) -> Metrics {
            Metrics(attenuation: flows[name]![5]!.attenuation,
                    firstToLastWeightGradient: flows[name]![5]!.firstToLastWeightGradient)
        }
        let at500 = dynamics.steps.firstIndex(of: 500)!, top = TrainingDynamics.depth - 1
        let change = dynamics.relativeChange.map { $0.last! }, sigmoid10 = flows["sigmoid"]![10]!
        let extra = Extra(
            attenuation10: sigmoid10.attenuation, firstToLastWeightGradient10: sigmoid10.firstToLastWeightGradient,
            attenuationTanh: flows["tanh"]![5]!.attenuation, attenuationReLU: flows["ReLU + He"]![5]!.attenuation,
            topLayerMeanInitial: dynamics.layerMeans[top][0], topLayerMean500: dynamics.layerMeans[top][at500],
            loss500: dynamics.losses[at500], lossFinal: dynamics.losses.last!, firstLayerChange: change[0],
            topHiddenLayerChange: change[top], firstToTopChange: change[0] / change[top],
            hiddenGradientNorms: flows.mapValues { $0.mapValues(\.hiddenGradientNorms) }, dynamics: dynamics)
        return Outcome(claim: metrics("sigmoid"), control: metrics("sigmoid, σ′ coded as 1"), extra: extra)
    }

    struct Facts: ClaimFacts {
        /// Seeds whose training loss has left the ln 10 plateau (below 2.2, i.e. ln 10 − 0.1) by the last step.
        var seedsOffPlateau = 0
    }

    static func facts(_ run: Run<Self>) -> Facts {
        Facts(seedsOffPlateau: run.extra(\.lossFinal).filter { $0 < 2.2 }.count)
    }
}
