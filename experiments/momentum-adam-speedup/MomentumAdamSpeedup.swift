import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim O1 of CLAIMS.md: "Momentum and Adam converge faster than SGD and escape local minima/plateaus." The engine's
/// SGD, Momentum and Adam on a 2-parameter `Parameter`: iterations to tolerance on a rotated quadratic of condition
/// number κ (each tuned on a grid), the escape from a saddle, and an MLP on Fashion-MNIST at tuned learning rates.
/// Control: the same tuned speed-up measurement on a moderately conditioned quadratic, κ = 10.
@main
struct MomentumAdamSpeedup: ClaimExperiment {
    struct Settings: Sendable {
        var conditionNumbers: [Double] = [1, 3, 10, 30, 100, 300, 1000]
        /// The claim's κ (CLAIMS.md) and the control's.
        var ruledCondition = 100.0, controlCondition = 10.0
        var tolerance = 1e-6, window = 50, iterationCap = 50_000
        /// η·L for SGD and momentum: 20 per decade, 10⁻³ to 10^0.6 ≈ 4 (SGD diverges beyond 2, heavy ball 2(1 + μ)).
        var scaledRates = (-60...12).map { Foundation.pow(10, Double($0) / 20) }
        /// Adam's η (its step is ≈ η whatever the gradient's scale): 10 per decade from 10⁻⁴ to 10.
        var adamRates = (-40...10).map { Foundation.pow(10, Double($0) / 10) }
        var momenta = [0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99]
        var saddleRate = 0.1, saddleMomentum = 0.9, saddleSteps = 250, escapeHeight = 0.5, saddleStart = 1e-8
        var hidden = [256, 256], batchSize = 128, mlpSteps = 600, tail = 50, curveWindow = 25, mlpMomentum = 0.9
        var trainingExamples = 10_000, testExamples = 2_000, tuningSeed = 100
        var mlpRates: [Method: [Double]] = [.sgd: [0.03, 0.1, 0.3, 1], .momentum: [0.003, 0.01, 0.03, 0.1],
                                            .adam: [1e-4, 3e-4, 1e-3, 3e-3]]
    }
    static let full = Settings()
    static let quick = Settings(conditionNumbers: [1, 10, 100], mlpSteps: 50, tail: 10, trainingExamples: 1_000,
                                testExamples: 500, mlpRates: [.sgd: [0.1], .momentum: [0.01], .adam: [1e-3]])
    /// SGD's iterations to tolerance ÷ momentum's, each at its tuned hyper-parameters.
    struct Metrics: SeedMetrics { var speedup = 0.0 }
    struct Extra: SeedMetrics {
        var angle = 0.0
        var sgdIterations = 0.0, momentumIterations = 0.0, adamIterations = 0.0
        var sgdScaledRate = 0.0, momentumScaledRate = 0.0, momentumMu = 0.0, adamRate = 0.0, adamRateTopOfGrid = 0.0
        var sgdIterationsControl = 0.0, momentumIterationsControl = 0.0, adamIterationsControl = 0.0, adamSpeedup = 0.0
        var sgdIterationsRound = 0.0, momentumIterationsRound = 0.0, adamIterationsRound = 0.0
        var escapeSGD = 0.0, escapeMomentum = 0.0, escapeAdam = 0.0
        var mlpRateSGD = 0.0, mlpRateMomentum = 0.0, mlpRateAdam = 0.0
        var mlpLossSGD = 0.0, mlpLossMomentum = 0.0, mlpLossAdam = 0.0
        var mlpAccuracySGD = 0.0, mlpAccuracyMomentum = 0.0, mlpAccuracyAdam = 0.0
        /// Curves: iterations per method per κ (NaN: not reached), the κ = 100 paths, |y_t| at the saddle, MLP losses.
        var iterations: [String: [Double]] = [:], paths: [String: [PathPoint]] = [:]
        var saddleHeights: [String: [Double]] = [:], mlpCurves: [String: [Double]] = [:]
    }
    struct Inputs: Sendable { let training, test: LabeledDataset<Float>, mlpRates: [Method: Double] }
    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")
    static let rules = [Rule("speedup", \Metrics.speedup, .greaterThan(5))]
    static func load(_ settings: Settings) throws -> Inputs {
        let (training, test) = try FashionMNIST.standardized(Float.self, trainingLimit: settings.trainingExamples,
                                                             testLimit: settings.testExamples)
        let untuned = Inputs(training: training, test: test!, mlpRates: [:])
        return Inputs(training: training, test: test!, mlpRates: MLPRun.tunedRates(data: untuned, settings: settings))
    }
    static func measure(seed: Int, settings: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var extra = Extra(angle: rng.uniform(0, .pi))
        let startAngle = rng.uniform(0, 2 * .pi), start = (cos(startAngle), sin(startAngle))
        var tuned: [Double: [Method: Tuned]] = [:]
        for kappa in settings.conditionNumbers {
            for method in Method.allCases {
                let rates = method == .adam ? settings.adamRates : settings.scaledRates.map { $0 / kappa }
                let best = Tuned(method, on: Quadratic(conditionNumber: kappa, angle: extra.angle), from: start,
                                 rates: rates, mus: settings.momenta, settings: settings)
                tuned[kappa, default: [:]][method] = best
                extra.iterations[method.rawValue, default: []].append(best.iterations.map(Double.init) ?? .nan)
            }
        }
        let c = settings.ruledCondition, at100 = tuned[c]!
        func n(_ kappa: Double) -> (Double, Double, Double) {
            let t = tuned[kappa]!.mapValues { $0.iterations.map(Double.init) ?? .nan }
            return (t[.sgd]!, t[.momentum]!, t[.adam]!)
        }
        (extra.sgdIterations, extra.momentumIterations, extra.adamIterations) = n(c)
        (extra.sgdIterationsControl, extra.momentumIterationsControl, extra.adamIterationsControl) = n(settings.controlCondition)
        (extra.sgdIterationsRound, extra.momentumIterationsRound, extra.adamIterationsRound) = n(1)
        extra.adamRateTopOfGrid = at100[.adam]!.rate >= settings.adamRates.max()! ? 1 : 0
        (extra.sgdScaledRate, extra.momentumScaledRate, extra.momentumMu, extra.adamRate) =
            (at100[.sgd]!.rate * c, at100[.momentum]!.rate * c, at100[.momentum]!.mu, at100[.adam]!.rate)
        extra.adamSpeedup = extra.sgdIterations / extra.adamIterations
        let valley = Quadratic(conditionNumber: c, angle: extra.angle)
        for (method, best) in at100 {
            extra.paths[method.rawValue] = descend(from: start, optimizer: method.optimizer(rate: best.rate, mu: best.mu),
                                                   steps: best.iterations ?? settings.iterationCap, gradient: valley.gradient)
                .map { PathPoint(x: $0.x, y: $0.y) }
        }
        let saddleStart = (rng.uniform(0.5, 1.5), settings.saddleStart)
        let escapes = Method.allCases.map { saddleEscape($0, from: saddleStart, settings: settings) }
        (extra.escapeSGD, extra.escapeMomentum, extra.escapeAdam) = (escapes[0].steps, escapes[1].steps, escapes[2].steps)
        let weights = rng.split(), rates = Method.allCases.map { inputs.mlpRates[$0]! }
        let runs = Method.allCases.map { MLPRun($0, rate: inputs.mlpRates[$0]!, data: inputs, settings: settings, using: weights) }
        (extra.mlpRateSGD, extra.mlpRateMomentum, extra.mlpRateAdam) = (rates[0], rates[1], rates[2])
        (extra.mlpLossSGD, extra.mlpLossMomentum, extra.mlpLossAdam) = (runs[0].finalLoss, runs[1].finalLoss, runs[2].finalLoss)
        (extra.mlpAccuracySGD, extra.mlpAccuracyMomentum, extra.mlpAccuracyAdam) =
            (runs[0].testAccuracy, runs[1].testAccuracy, runs[2].testAccuracy)
        for (k, method) in Method.allCases.enumerated() {
            (extra.saddleHeights[method.rawValue], extra.mlpCurves[method.rawValue]) = (escapes[k].heights, runs[k].curve)
        }
        return Outcome(claim: Metrics(speedup: extra.sgdIterations / extra.momentumIterations),
                       control: Metrics(speedup: extra.sgdIterationsControl / extra.momentumIterationsControl), extra: extra)
    }
    struct Facts: ClaimFacts {
        /// Every pair of optimizers' per-seed final MLP losses (test accuracies) overlap in range.
        var mlpTie = false, accuracyTie = false
        /// The first seed's rotation φ of the valley (the paths figure).
        var firstAngle = 0.0
        /// Least-squares slopes of log(mean iterations) against log κ over the sweep's κ ≥ 10.
        var sgdSlope = 0.0, momentumSlope = 0.0, adamSlope = 0.0
        /// On every seed: Adam needs fewer iterations than SGD at the ruled κ; more than SGD at κ = 1; Adam's
        /// tuned η at the ruled κ is the top of its grid on some seed; a claim or control ratio is exactly 5 (">" vs "≥").
        var adamBeatsSGD = false, adamSlowerAtOne = false, adamRateAtTop = false, onBound = false
    }
    static func facts(_ run: Run<Self>) -> Facts {
        func overlap(_ arms: [[Double]]) -> Bool {
            let ranges = arms.map { ($0.min() ?? .nan, $0.max() ?? .nan) }
            return ranges.allSatisfy { a in ranges.allSatisfy { b in a.0 <= b.1 && b.0 <= a.1 } }
        }
        return Facts(mlpTie: overlap([run.extra(\.mlpLossSGD), run.extra(\.mlpLossMomentum), run.extra(\.mlpLossAdam)]),
                     accuracyTie: overlap([run.extra(\.mlpAccuracySGD), run.extra(\.mlpAccuracyMomentum),
                                           run.extra(\.mlpAccuracyAdam)]),
                     firstAngle: run.extra(\.angle)[0], sgdSlope: slope(run, .sgd), momentumSlope: slope(run, .momentum),
                     adamSlope: slope(run, .adam),
                     adamBeatsSGD: zip(run.extra(\.adamIterations), run.extra(\.sgdIterations)).allSatisfy { $0 < $1 },
                     adamSlowerAtOne: zip(run.extra(\.adamIterationsRound), run.extra(\.sgdIterationsRound)).allSatisfy { $0 > $1 },
                     adamRateAtTop: run.extra(\.adamRateTopOfGrid).contains(1),
                     onBound: (run.claim(\.speedup) + run.control(\.speedup)).contains(5))
    }
    /// The slope of log(mean over seeds of the iterations) against log κ, for κ ≥ 10 (NaN-free κ only).
    static func slope(_ run: Run<Self>, _ method: Method) -> Double {
        let runs: [[Double]] = run.extra(\.iterations).map { $0[method.rawValue]! }
        var xs: [Double] = [], ys: [Double] = []
        for (k, kappa) in run.settings.conditionNumbers.enumerated() where kappa >= 10 {
            let total = runs.map { $0[k] }.reduce(0, +)   // the log of the seed sum has the mean's slope
            if total.isFinite { (xs, ys) = (xs + [log(kappa)], ys + [log(total)]) }
        }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        let dx = xs.map { $0 - mx }, dy = ys.map { $0 - my }
        return zip(dx, dy).map(*).reduce(0, +) / dx.map { $0 * $0 }.reduce(0, +)
    }
}

/// The MLP part: 784-[256]×2-10 ReLU (He init) trained on Fashion-MNIST with each optimizer at its own learning rate.
struct MLPRun: Sendable {
    /// Mean mini-batch loss over windows of `settings.curveWindow` steps; of the last `settings.tail` (NaN: diverged).
    var curve: [Double] = [], finalLoss = Double.nan, testAccuracy = Double.nan
    init(_ method: Method, rate: Double, data: MomentumAdamSpeedup.Inputs, settings: MomentumAdamSpeedup.Settings,
         using rng: SeededGenerator) {
        SeedProgress.configuration(of: Method.allCases.count, "MLP, \(method.rawValue) η \(rate)")
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
