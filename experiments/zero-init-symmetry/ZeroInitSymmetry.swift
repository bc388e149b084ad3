import ClaimKit
import Datasets
import Foundation
import Gnuplot
import NeuralEngine

/// Claim W1 of CLAIMS.md: "W = 0 or constant: every neuron computes and learns the same thing; symmetry never breaks."
///
/// A 784-64-64-10 tanh net is trained by SGD on Fashion-MNIST in Float64 with both hidden layers constant (or zero),
/// the output layer random. The check: the first hidden layer stays rank 1 with its units identical, and the zero start
/// learns nothing. Negative control: the same first layer (constant, or zero) with a random second layer — the
/// incoming weights are still equal, but the outgoing ones are no longer symmetric, which the careful statement says
/// is needed too. The constant start is run again in Float32, where rounding breaks the symmetry.
@main
struct ZeroInitSymmetry: ClaimExperiment {
    struct Settings: Sendable {
        var steps = 1000
        var probeInterval = 20
        var learningRate = 0.1
        var batchSize = 64
        var trainingExamples = 20_000
        var evaluationExamples = 2_000
    }
    static let full = Settings()
    static let quick = Settings(steps: 300, probeInterval: 10)

    struct Metrics: SeedMetrics {
        /// Numerical rank of W₁ after training (tolerance 10⁻⁶·‖W₁‖), constant start.
        var rank = 0.0
        /// Largest max_j ‖w_j − w_1‖ / ‖W₁‖ over the run, constant start.
        var spread = 0.0
        /// Test accuracy after training, zero start.
        var zeroAccuracy = 0.0
    }

    struct Extra: SeedMetrics {
        var identicalUnits = 0.0, layer2Spread = 0.0, zeroWeightNorm = 0.0
        var constantAccuracy = 0.0, randomAccuracy = 0.0, randomRank = 0.0, randomInitialSpread = 0.0
        var float32Spread = 0.0, float32FirstSpread = 0.0, float32FirstIdentical = 0.0, float32Rank = 0.0
        var float32Accuracy = 0.0
        /// Curves per run name: layer-1 relative spread and mean training loss at `steps`.
        var steps: [Int] = []
        var spreadCurves: [String: [Double]] = [:]
        var lossCurves: [String: [Double]] = [:]
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("rank-one", \Metrics.rank, .between(1, 1)),
        Rule("spread", \Metrics.spread, .lessThan(1e-6)),
        Rule.added("zero-learns-nothing", \Metrics.zeroAccuracy, .lessThan(0.15)),
    ]

    struct Inputs {
        let training: LabeledDataset<Double>, evaluation: LabeledDataset<Double>
        let training32: LabeledDataset<Float>, evaluation32: LabeledDataset<Float>
    }

    /// The first training and test images, standardised by one scalar mean and std of the training images; Float64
    /// copies for the check.
    static func load(_ s: Settings) throws -> Inputs {
        let data = try FashionMNIST.standardized(Float.self, trainingLimit: s.trainingExamples,
                                                 testLimit: s.evaluationExamples)
        func double(_ d: LabeledDataset<Float>) -> LabeledDataset<Double> {
            LabeledDataset(features: d.features.converted(to: Double.self), labels: d.labels, classCount: d.classCount)
        }
        return Inputs(training: double(data.training), evaluation: double(data.test!), training32: data.training,
                      evaluation32: data.test!)
    }

    /// The runs of one seed, by name: the layer inits of the two hidden layers.
    static let runs: [(name: String, inits: [HiddenInit])] = [
        ("constant", [.constant, .constant]), ("zeros", [.zeros, .zeros]),
        ("constant W₁, random W₂", [.constant, .random]), ("zero W₁, random W₂", [.zeros, .random]),
        ("random", [.random, .random]),
    ]

    static func measure(seed: Int, settings s: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var r: [String: SymmetryRun<Double>] = [:]
        var constantStream = rng
        for run in runs {
            SeedProgress.configuration(of: runs.count + 1, run.name)
            var stream = rng.split()
            if run.name == "constant" { constantStream = stream }
            r[run.name] = SymmetryRun(hiddenInits: run.inits, training: inputs.training, evaluation: inputs.evaluation,
                                      steps: s.steps, probeInterval: s.probeInterval, learningRate: s.learningRate,
                                      batchSize: s.batchSize, using: &stream)
        }
        // The constant start again in Float32, with the same weights and batches.
        SeedProgress.configuration(of: runs.count + 1, "constant, Float32")
        let f32 = SymmetryRun<Float>(hiddenInits: [.constant, .constant], training: inputs.training32,
                                     evaluation: inputs.evaluation32, steps: s.steps, probeInterval: s.probeInterval,
                                     learningRate: s.learningRate, batchSize: s.batchSize, using: &constantStream)
        func metrics(_ symmetric: SymmetryRun<Double>, _ zeros: SymmetryRun<Double>) -> Metrics {
            Metrics(rank: Double(symmetric.final(layer: 1).rank), spread: symmetric.largestRelativeSpread(layer: 1),
                    zeroAccuracy: zeros.accuracy)
        }
        let constant = r["constant"]!, zeros = r["zeros"]!, random = r["random"]!
        var extra = Extra(
            identicalUnits: Double(constant.final(layer: 1).identicalUnits),
            layer2Spread: constant.final(layer: 2).relative,
            zeroWeightNorm: zeros.final(layer: 1).norm + zeros.final(layer: 2).norm,
            constantAccuracy: constant.accuracy, randomAccuracy: random.accuracy,
            randomRank: Double(random.spreads[0][0].rank), randomInitialSpread: random.spreads[0][0].relative,
            float32Spread: f32.largestRelativeSpread(layer: 1), float32FirstSpread: f32.spreads[0][1].relative,
            float32FirstIdentical: Double(f32.spreads[0][1].identicalUnits), float32Rank: Double(f32.final(layer: 1).rank),
            float32Accuracy: f32.accuracy, steps: constant.steps)
        for (name, run) in r {
            extra.spreadCurves[name] = run.spreads[0].map(\.relative)
            extra.lossCurves[name] = run.losses
        }
        extra.spreadCurves["constant, Float32"] = f32.spreads[0].map(\.relative)
        extra.lossCurves["constant, Float32"] = f32.losses
        return Outcome(claim: metrics(constant, zeros),
                       control: metrics(r["constant W₁, random W₂"]!, r["zero W₁, random W₂"]!), extra: extra)
    }

    /// Ranks and unit counts as whole numbers for the prose: the extreme over seeds on the side that could break it.
    struct Facts: ClaimFacts {
        var constantRank = 0, controlRank = 0, randomRank = 0, float32Rank = 0, identicalUnits = 0
        var float32FirstIdentical = 0
    }

    static func facts(_ run: Run<Self>) -> Facts {
        func int(_ values: [Double], _ pick: ([Double]) -> Double?) -> Int { Int(pick(values) ?? .nan) }
        return Facts(constantRank: int(run.claim(\.rank), { $0.max() }), controlRank: int(run.control(\.rank), { $0.min() }),
                     randomRank: int(run.extra(\.randomRank), { $0.min() }),
                     float32Rank: int(run.extra(\.float32Rank), { $0.min() }),
                     identicalUnits: int(run.extra(\.identicalUnits), { $0.min() }),
                     float32FirstIdentical: int(run.extra(\.float32FirstIdentical), { $0.max() }))
    }

    /// A spread of exactly 0 is drawn here, at the bottom of the log axis.
    static let spreadFloor = 1e-12

    static let arms: [String: Arm] = ["constant": .other(0), "zeros": .other(3), "constant W₁, random W₂": .control,
                                      "random": .other(2), "constant, Float32": .other(1)]

    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        let steps = run.extra(\.steps)[0].map(Double.init)
        let stepAxis = Axis(label: "training step", range: .between(0, steps.last!))
        var spread = Figure(title: "Spread of the layer-1 units", x: stepAxis,
                            y: Axis(label: "max_j ‖w_j − w_1‖ / ‖W₁‖", range: .between(spreadFloor, 3), scale: .log10))
        var loss = Figure(title: "Training loss", x: stepAxis, y: Axis(label: "cross-entropy", range: .from(0)))
        for name in ["constant", "constant, Float32", "constant W₁, random W₂", "random", "zeros"] {
            let label = name == "constant" || name == "zeros" ? "\(name), Float64" : name
            if name != "zeros" {
                spread.addSeedBand(x: steps, perSeed: run.extra(\.spreadCurves).map { $0[name]!.map { max($0, spreadFloor) } },
                                   label: label, arm: arms[name]!)
            }
            // Step 0 has no training loss yet.
            loss.addSeedBand(x: Array(steps.dropFirst()), perSeed: run.extra(\.lossCurves).map { Array($0[name]!.dropFirst()) },
                             label: label, arm: arms[name]!)
        }
        spread.add(.referenceLine(.horizontal(y: 1e-6), label: "rule: 10⁻⁶"))
        spread.legend = .hidden   // one legend, under the loss panel, covers both panels' runs
        loss.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "ln 10 (chance)"))
        loss.legend = .below
        var figure = Figure.panels(rows: 1, columns: 2, title: "A 784-64-64-10 tanh net trained from symmetric starts",
                                   [spread, loss])
        figure.size = PixelSize(width: 1100, height: 560)
        return [NamedFigure("unit-spread", figure)]
    }
}
