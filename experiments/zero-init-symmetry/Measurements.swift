import Datasets
import Foundation
import NeuralEngine

/// How one hidden layer of the 784-64-64-10 tanh net starts. The output layer is always random (LeCun normal),
/// as in CS231n's question "what happens when W = constant init is used?" about the hidden layers.
enum HiddenInit: String, CaseIterable, Sendable {
    /// Every weight of a layer equal to 1/fan_in: a symmetric start whose pre-activations stay in tanh's linear range
    /// (the note's "initialise to 1" would put every tanh unit at ±1 from the first layer on).
    case constant
    /// Every weight 0 (the note's "0으로 다 초기화").
    case zeros
    /// LeCun normal N(0, 1/fan_in), which breaks the symmetry.
    case random


    func initializer(fanIn: Int) -> Initializer {
        switch self {
        case .constant: .constant(1 / Double(fanIn))
        case .zeros: .zeros
        case .random: .lecunNormal
        }
    }
}

/// How different a layer's hidden units are: unit j's incoming weights are column j of the fan_in × units weight
/// matrix W, and the spread is the largest distance of any unit's weights from unit 1's, max_j ‖w_j − w_1‖ (the
/// largest pairwise distance lies between this and twice it). Computed with engine tensor ops, in Double.
struct UnitSpread: Sendable, Equatable {
    /// max_j ‖w_j − w_1‖.
    let spread: Double
    /// ‖W‖ (Frobenius).
    let norm: Double
    /// Units whose weights equal unit 1's bit for bit (unit 1 included).
    let identicalUnits: Int
    let units: Int
    /// Numerical rank of W: the units whose weights lie farther than 10⁻⁶·‖W‖ from the span of the previous units'
    /// (Gram–Schmidt, twice-orthogonalised, in Double) — the same tolerance as the spread rule.
    let rank: Int

    init<Scalar: EngineScalar>(_ weight: Tensor<Scalar>) {
        let units = weight.converted(to: Double.self).transposed()   // one row per unit
        let first = Tensor<Double>(row: units.row(0))
        let difference = units - Tensor<Double>(rows: units.rows, columns: units.columns).addingRowVector(first)
        let squaredDistances = (difference * difference).rowSums().scalars
        spread = (squaredDistances.max() ?? 0).squareRoot()
        norm = weight.norm()
        identicalUnits = squaredDistances.filter { $0 == 0 }.count
        self.units = units.rows
        rank = Self.numericalRank(rows: units.row, count: units.rows, tolerance: 1e-6 * norm)
    }

    static func numericalRank(rows: (Int) -> [Double], count: Int, tolerance: Double) -> Int {
        var basis: [[Double]] = []
        for i in 0..<count {
            var v = rows(i)
            for _ in 0..<2 {
                for q in basis {
                    let dot = zip(v, q).reduce(0) { $0 + $1.0 * $1.1 }
                    for k in v.indices { v[k] -= dot * q[k] }
                }
            }
            let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if length > tolerance { basis.append(v.map { $0 / length }) }
        }
        return basis.count
    }

    /// spread / ‖W‖, the spread as a fraction of the weights' size; 0 for an all-zero W (its units are identical).
    var relative: Double { norm == 0 ? 0 : spread / norm }
}

/// One 784-64-64-10 tanh net trained by plain SGD from `hiddenInits` (one per hidden layer) in precision `Scalar`, probed every
/// `probeInterval` steps: the spread of each hidden layer's units and (at the end) the test accuracy. A run whose loss
/// stops being finite is stopped and recorded as diverged.
struct SymmetryRun<Scalar: EngineScalar>: Sendable {
    /// The layer sizes of the net.
    static var sizes: [Int] { [784, 64, 64, 10] }

    /// Steps at which the probes were taken (0 = at initialisation).
    let steps: [Int]
    /// `spreads[l][k]`: hidden layer l+1 at `steps[k]`.
    let spreads: [[UnitSpread]]
    /// Mean training loss over the steps since the previous probe (NaN at step 0).
    let losses: [Double]
    /// Accuracy on the evaluation set after training (NaN when diverged).
    let accuracy: Double
    let diverged: Bool

    init(hiddenInits: [HiddenInit], training: LabeledDataset<Scalar>, evaluation: LabeledDataset<Scalar>, steps totalSteps: Int,
         probeInterval: Int, learningRate: Double, batchSize: Int, using rng: inout SeededGenerator) {
        let sizes = Self.sizes
        var layers: [any Layer<Scalar>] = []
        for i in 0..<sizes.count - 1 {
            let hidden = i < sizes.count - 2
            let initializer = hidden ? hiddenInits[i].initializer(fanIn: sizes[i]) : .lecunNormal
            layers.append(Linear<Scalar>(sizes[i], sizes[i + 1], initializer: initializer, using: &rng))
            if hidden { layers.append(Activation<Scalar>(.tanh)) }
        }
        let network = Sequential(layers)
        let hiddenLinears = network.layers.compactMap { $0 as? Linear<Scalar> }.dropLast()
        let optimizer = SGD<Scalar>(learningRate: learningRate)
        func probe() -> [UnitSpread] { hiddenLinears.map { UnitSpread($0.weight.value) } }

        var steps = [0], losses = [Double.nan]
        var spreads = probe().map { [$0] }
        var lossSum = 0.0, lossCount = 0
        let log = network.train(on: training, steps: totalSteps, batchSize: batchSize, optimizer: optimizer,
                                using: &rng) { step, loss in
            lossSum += loss
            lossCount += 1
            if step % probeInterval == 0 || step == totalSteps {
                steps.append(step)
                for (l, spread) in probe().enumerated() { spreads[l].append(spread) }
                losses.append(lossSum / Double(lossCount))
                lossSum = 0
                lossCount = 0
            }
        }
        let diverged = log.diverged
        self.steps = steps
        self.spreads = spreads
        self.losses = losses
        self.diverged = diverged
        accuracy = diverged ? .nan : network.accuracy(on: evaluation)
    }

    /// The largest relative spread of hidden layer `layer` (1-based) over every probe of the run; NaN when diverged.
    func largestRelativeSpread(layer: Int) -> Double {
        diverged ? .nan : spreads[layer - 1].map(\.relative).max()!
    }

    /// The last probe of hidden layer `layer` (1-based).
    func final(layer: Int) -> UnitSpread { spreads[layer - 1].last! }
}
