import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim A6 of CLAIMS.md: too high a learning rate kills ReLUs, and dead ReLUs stay dead. A 784-[256]×3-10 ReLU net
/// (He init) over a sweep of Adam and SGD rates: per layer, the fraction of units never positive on the probe; then
/// recovery at a low rate. Negative control: leaky ReLU (α = 0.01) through the same runs and rules.
@main
struct DeadReLU: ClaimExperiment {
    struct Settings: Sendable {
        var examples = 20_000, widths = [256, 256, 256], batchSize = 100, steps = 600, adamRates = [1e-3, 1e-2, 3e-2], sgdRates = [0.01, 0.1, 0.3, 1]
        /// The rules' two Adam rates; the recovery runs' rate before and after the switch, and steps after it.
        var lowRate = 1e-3, highRate = 1e-2, recoveryFromRate = 3e-2, recoveryRate = 1e-3, recoverySteps = 1200
        /// Dead on the first `probeExamples`; recovery curves: every `curveInterval` steps on the first `curveExamples`.
        var probeExamples = 20_000, curveInterval = 200, curveExamples = 1000
        /// How many of `activations` (ReLU, leaky ReLU, ELU) get a recovery run (quick: not ELU).
        var leakySlope = 0.01, eluAlpha = 1.0, positiveBias = 0.01, recoveryArms = 3
        /// The dead-unit map: hidden layer (0-based), examples; final loss: mean mini-batch loss of the last `tail` steps.
        var mapLayer = 1, mapExamples = 100, tail = 50
    }
    static let full = Settings(), quick = Settings(examples: 5000, steps: 100, sgdRates: [0.1, 1], recoverySteps: 400,
                                                   probeExamples: 5000, curveInterval: 100, recoveryArms: 2)

    struct Metrics: SeedMetrics {
        /// Dead fraction of all hidden units after Adam at the low and high rate; the worst layer's dead fraction after
        /// the recovery steps ÷ before; of the units dead before, the fraction still dead after.
        var deadAtLowRate = 0.0, deadAtHighRate = 0.0, recoveryRatio = 0.0, stillDead = 0.0
    }

    struct Extra: SeedMetrics {
        var deadAtRecoveryStart = 0.0, deadAfterRecovery = 0.0, deadAtBestSGD = 0.0, deadWithPositiveBias = 0.0
        var deadAtHighRateHalfProbe = 0.0, divergedSGDRuns = 0.0, bestSGDRate = 0.0
        var lossAtLowRate = 0.0, lossAtHighRate = 0.0, lossAtBestSGD = 0.0   // final losses: Adam low/high rate, best SGD
        var stillDeadLayer1 = 0.0, stillDeadELU = 0.0, deadAtRecoveryStartELU = 0.0, deadAfterRecoveryELU = 0.0
        var deadAtRecoveryStartLeaky = 0.0, deadAfterRecoveryLeaky = 0.0
        /// Per sweep point ("Adam"/"SGD" → rate → layer): dead fractions (NaN: diverged), final losses. Per activation:
        /// of the units dead before the recovery steps, the fraction still dead after (layers 1…3, all); the worst
        /// layer's dead fraction at each checkpoint of the recovery run. Per Adam rate: the dead-unit map of `mapLayer`.
        var dead: [String: [[Double]]] = [:], finalLoss: [String: [Double]] = [:], stillDeadPerLayer: [String: [Double]] = [:]
        var recoveryCurves: [String: [Double]] = [:], checkpoints: [Double] = [], maps: [[[Double]]] = []
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("dead-at-low-rate", \Metrics.deadAtLowRate, .lessThan(0.03)),
        Rule("dead-at-high-rate", \Metrics.deadAtHighRate, .greaterThan(0.15)),
        Rule("no-recovery", \Metrics.recoveryRatio, .greaterThan(0.8)).amended(to: \Metrics.stillDead, .greaterThan(0.8)),
    ]

    /// The activations of the recovery figure, with their colours.
    static let activations: [(name: String, function: Activation<Float>.Function, arm: Arm)] = [("ReLU", .relu, .relu),
        ("leaky ReLU", .leakyReLU(slope: full.leakySlope), .leakyReLU), ("ELU", .elu(alpha: full.eluAlpha), .elu)]

    struct Inputs { let data: LabeledDataset<Float>, probe: DeadUnitProbe, halfProbe: DeadUnitProbe, curveProbe: DeadUnitProbe }

    static func load(_ settings: Settings) throws -> Inputs {
        let data = try FashionMNIST.standardizedTraining(Float.self, limit: settings.examples)
        return Inputs(data: data, probe: DeadUnitProbe(data.prefix(settings.probeExamples).features),
                      halfProbe: DeadUnitProbe(data.prefix(settings.probeExamples / 2).features),
                      curveProbe: DeadUnitProbe(data.prefix(settings.curveExamples).features))
    }

    static func measure(seed: Int, settings s: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        try measureConfigurations(seed: seed, settings: s, inputs: inputs)
    }

    /// One training run of a seed, shardable below the seed: every run starts from the seed's same initial weights
    /// and batch order (`DeadReLURun`), so each is a function of the seed alone.
    enum Configuration: Equatable {
        /// `activations[arm]`: Adam at `recoveryFromRate`, then the recovery steps.
        case recovery(arm: Int)
        /// ReLU at one rate of the sweep (the highest Adam rate's net is the recovery run's first half).
        case adam(Double), sgd(Double)
        /// The control, leaky ReLU with Adam at the rules' two rates; ReLU with CS231n's positive bias at the high rate.
        case leaky(Double), positiveBias

        var label: String {
            switch self {
            case .recovery(let arm): "\(activations[arm].name), Adam then the recovery rate"
            case .adam(let rate): "ReLU Adam η \(rate)"
            case .sgd(let rate): "ReLU SGD η \(rate)"
            case .leaky(let rate): "leaky ReLU Adam η \(rate)"
            case .positiveBias: "ReLU Adam, positive bias"
            }
        }
    }

    static func configurations(_ s: Settings) -> [Configuration] {
        (0..<s.recoveryArms).map { .recovery(arm: $0) } + s.adamRates.filter { $0 != s.recoveryFromRate }.map { .adam($0) }
            + s.sgdRates.map { .sgd($0) } + [.leaky(s.lowRate), .leaky(s.highRate), .positiveBias]
    }

    static func configurationCount(_ settings: Settings) -> Int { configurations(settings).count }

    /// A recovery run, or a sweep run reduced to what the report needs (a network is not kept).
    enum Part: Codable, Sendable {
        case recovery(RecoveryRun)
        case sweep(SweepRun)
    }

    static func measure(configuration j: Int, seed: Int, settings s: Settings, inputs: Inputs) throws -> Part {
        var rng = SeededGenerator(seed: UInt64(seed))
        let start = rng.split(), list = configurations(s)
        var steps: Int?   // a recovery run trains in two loops
        if case .recovery = list[j] { steps = s.steps + s.recoverySteps }
        SeedProgress.configuration(j + 1, of: list.count, list[j].label, steps: steps)
        func sweep(_ f: Activation<Float>.Function, _ optimizer: some Optimizer<Float>, bias: Double = 0) -> Part {
            var run = DeadReLURun(f, bias: bias, settings: s, seed: start, featureCount: inputs.data.featureCount)
            run.train(on: inputs.data, steps: s.steps, optimizer: optimizer, batchSize: s.batchSize)
            return .sweep(SweepRun(run, settings: s, inputs: inputs))
        }
        switch list[j] {
        case .recovery(let arm):
            return .recovery(RecoveryRun(activations[arm].function, settings: s, inputs: inputs, seed: start))
        case .adam(let rate): return sweep(.relu, Adam<Float>(learningRate: rate))
        case .sgd(let rate): return sweep(.relu, SGD<Float>(learningRate: rate))
        case .leaky(let rate): return sweep(activations[1].function, Adam<Float>(learningRate: rate))
        case .positiveBias: return sweep(.relu, Adam<Float>(learningRate: s.highRate), bias: s.positiveBias)
        }
    }

    static func combine(seed: Int, parts: [Part], settings s: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        let list = configurations(s)
        func sweep(_ configuration: Configuration) -> SweepRun {
            guard let j = list.firstIndex(of: configuration), case .sweep(let run) = parts[j] else {
                preconditionFailure("no sweep run for \(configuration)")
            }
            return run
        }
        var recovery: [String: RecoveryRun] = [:], extra = Extra()
        for (j, configuration) in list.enumerated() {
            if case .recovery(let arm) = configuration, case .recovery(let run) = parts[j] {
                recovery[activations[arm].name] = run
            }
        }
        let relu = recovery["ReLU"]!, leaky = recovery["leaky ReLU"]!, elu = recovery["ELU"]
        (extra.recoveryCurves, extra.checkpoints, extra.stillDeadPerLayer) = (recovery.mapValues(\.curve), relu.checkpoints,
                                                                            recovery.mapValues(\.stillDead))

        // The sweep (ReLU); the highest Adam rate's nets are the recovery runs' first half.
        let adam = s.adamRates.map { $0 == s.recoveryFromRate ? nil : sweep(.adam($0)) }
        let sgd = s.sgdRates.map { sweep(.sgd($0)) }
        extra.dead = ["Adam": adam.map { $0?.dead ?? relu.before }, "SGD": sgd.map(\.dead)]
        extra.finalLoss = ["Adam": adam.map { ($0?.log ?? relu.highRateLog).meanLoss(last: s.tail) },
                           "SGD": sgd.map { $0.log.meanLoss(last: s.tail) }]
        extra.maps = adam.map { $0?.map ?? relu.map }
        let low = s.adamRates.firstIndex(of: s.lowRate)!, high = s.adamRates.firstIndex(of: s.highRate)!
        let claim = Metrics(deadAtLowRate: overall(extra.dead["Adam"]![low]), deadAtHighRate: overall(extra.dead["Adam"]![high]),
                            recoveryRatio: relu.ratio, stillDead: relu.stillDead.last!)
        // The control: leaky ReLU at the same two rates, and its recovery run.
        let control = Metrics(deadAtLowRate: overall(sweep(.leaky(s.lowRate)).dead),
                              deadAtHighRate: overall(sweep(.leaky(s.highRate)).dead),
                              recoveryRatio: leaky.ratio, stillDead: leaky.stillDead.last!)

        // CS231n's positive-bias advice at the high rate; counting on half the probe; the SGD sweep.
        extra.deadWithPositiveBias = overall(sweep(.positiveBias).dead)
        extra.deadAtHighRateHalfProbe = adam[high].map { overall($0.deadOnHalfProbe) } ?? .nan
        let sgdLoss = extra.finalLoss["SGD"]!
        let best = sgdLoss.indices.filter { !sgdLoss[$0].isNaN }.min { sgdLoss[$0] < sgdLoss[$1] }
        extra.deadAtBestSGD = best.map { overall(extra.dead["SGD"]![$0]) } ?? .nan
        (extra.bestSGDRate, extra.lossAtBestSGD) = best.map { (s.sgdRates[$0], sgdLoss[$0]) } ?? (.nan, .nan)
        (extra.lossAtLowRate, extra.lossAtHighRate) = (extra.finalLoss["Adam"]![low], extra.finalLoss["Adam"]![high])
        extra.divergedSGDRuns = Double(sgdLoss.filter(\.isNaN).count)
        (extra.deadAtRecoveryStart, extra.deadAfterRecovery) = (overall(relu.before), overall(relu.after))
        (extra.deadAtRecoveryStartLeaky, extra.deadAfterRecoveryLeaky) = (overall(leaky.before), overall(leaky.after))
        (extra.deadAtRecoveryStartELU, extra.deadAfterRecoveryELU) = (elu.map { overall($0.before) } ?? .nan,
                                                                      elu.map { overall($0.after) } ?? .nan)
        (extra.stillDeadELU, extra.stillDeadLayer1) = (elu?.stillDead.last ?? .nan, relu.stillDead[0])
        return Outcome(claim: claim, control: control, extra: extra)
    }

    struct Facts: ClaimFacts {
        /// The dead-unit map's seed and hidden layer (from 1); half the probe examples; the diverged SGD rates. On every
        /// seed: the positive bias leaves fewer dead units at the high rate; fewer of leaky ReLU's never-positive units
        /// than of ReLU's dead ones stay so; the dead fraction is below CLAIMS.md's reference at 1e-2 (29%) and 3e-2 (64%).
        var firstSeed = 0, mapLayer = 0, halfProbe = 0, divergedRates = ""
        var biasHelps = false, leakyRecoversMore = false, belowReference = false, eluAboveReference = false   // ELU > 5% at 3e-2
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let s = run.settings, sgd = run.extra(\.dead).map { $0["SGD"]! }
        let diverged = s.sgdRates.indices.filter { i in sgd.contains { $0[i].contains(where: \.isNaN) } }
        let paired = { (a: [Double], b: [Double]) in zip(a, b).allSatisfy { $0 < $1 } }
        return Facts(firstSeed: run.seeds[0], mapLayer: s.mapLayer + 1, halfProbe: s.probeExamples / 2,
                     divergedRates: diverged.map { Numbers.compact(s.sgdRates[$0]) }.joined(separator: ", "),
                     biasHelps: paired(run.extra(\.deadWithPositiveBias), run.claim(\.deadAtHighRate)),
                     leakyRecoversMore: paired(run.control(\.stillDead), run.claim(\.stillDead)),
                     belowReference: run.claim(\.deadAtHighRate).allSatisfy { $0 < 0.29 } && run.extra(\.deadAtRecoveryStart).allSatisfy { $0 < 0.64 },
                     eluAboveReference: run.extra(\.deadAtRecoveryStartELU).allSatisfy { $0 > 0.05 })
    }
}
