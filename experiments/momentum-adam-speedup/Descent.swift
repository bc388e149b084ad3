import Foundation
import NeuralEngine

/// The three optimizers compared, each built from the engine's own classes (Optimizer.swift).
enum Method: String, CaseIterable, Sendable {
    case sgd = "SGD", momentum = "momentum", adam = "Adam"
    /// A fresh optimizer (no velocity or moments yet) at learning rate `rate`; `mu` is momentum's μ.
    func optimizer<Scalar: EngineScalar>(rate: Double, mu: Double) -> any Optimizer<Scalar> {
        switch self {
        case .sgd: SGD<Scalar>(learningRate: rate)
        case .momentum: Momentum<Scalar>(learningRate: rate, momentum: mu)
        case .adam: Adam<Scalar>(learningRate: rate)
        }
    }
}

/// f(w) = ½ wᵀAw with A = R(φ) diag(1, κ) R(φ)ᵀ: eigenvalues μ = 1 and L = κ, minimum f = 0 at w = 0, the valley
/// rotated by φ (so Adam's per-coordinate scaling gets no help from axis-aligned curvature).
struct Quadratic: Sendable {
    let conditionNumber, angle: Double
    func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let c = cos(angle), s = sin(angle)
        let u = c * x + s * y, v = conditionNumber * (-s * x + c * y)   // the gradient in eigen-coordinates
        return (c * u - s * v, s * u + c * v)
    }
    /// The lower and upper y of the level set {f ≤ level} at `x`, nil outside it (for drawing filled contours).
    func levelInterval(_ level: Double, at x: Double) -> (Double, Double)? {
        // f(x, y) = ½(a x² + 2b x y + d y²) with A = [[a, b], [b, d]]; solve f = level for y.
        let c = cos(angle), s = sin(angle), k = conditionNumber
        let a = c * c + k * s * s, b = c * s * (1 - k), d = s * s + k * c * c
        let disc = b * b * x * x - d * (a * x * x - 2 * level)
        if disc < 0 { return nil }
        return ((-b * x - disc.squareRoot()) / d, (-b * x + disc.squareRoot()) / d)
    }
}

/// Runs `optimizer` on the two-parameter `Parameter` w = (x, y) from `start`, feeding it `gradient(w)` each step, for at
/// most `steps` steps or until `stop(step, x, y)` says so; returns the visited points (start included).
/// One point (x, y) of an optimiser's path on the plane.
struct PathPoint: Sendable, Codable { var x, y: Double }

func descend(from start: (Double, Double), optimizer: any Optimizer<Double>, steps: Int,
             gradient: (Double, Double) -> (Double, Double),
             stop: (Int, Double, Double) -> Bool = { _, _, _ in false }) -> [(x: Double, y: Double)] {
    let w = Parameter(name: "w", value: Tensor<Double>(row: [start.0, start.1]), isDecayed: false)
    var path = [(x: start.0, y: start.1)]
    for step in 1...steps {
        let g = gradient(w.value.scalars[0], w.value.scalars[1])
        w.gradient = Tensor(row: [g.0, g.1])
        optimizer.update([w])
        let (x, y) = (w.value.scalars[0], w.value.scalars[1])
        path.append((x, y))
        if !x.isFinite || !y.isFinite || stop(step, x, y) { break }
    }
    return path
}

/// Iterations until ‖w_t‖ ≤ tolerance·‖w_0‖ and stays there for `window` more steps (a momentum path that dips below and
/// comes back does not count); nil when not reached within `cap` steps or diverged.
func iterationsToTolerance(_ quadratic: Quadratic, from start: (Double, Double), optimizer: any Optimizer<Double>,
                           tolerance: Double, window: Int, cap: Int) -> Int? {
    let bound = tolerance * (start.0 * start.0 + start.1 * start.1).squareRoot()
    var firstBelow: Int?, result: Int?
    _ = descend(from: start, optimizer: optimizer, steps: cap + window, gradient: quadratic.gradient) { step, x, y in
        let distance = (x * x + y * y).squareRoot()
        if distance > 1e6 { return true }
        if distance <= bound { firstBelow = firstBelow ?? step } else { firstBelow = nil }
        if let first = firstBelow, step - first >= window { result = first; return true }
        return step >= cap + window
    }
    return result
}

/// A method's best hyper-parameters on a grid: the fewest iterations to tolerance, the rate and μ that gave them.
struct Tuned: Sendable {
    var iterations: Int?, rate = Double.nan, mu = Double.nan
    /// Searches `rates` × `mus` (μ only for momentum), stopping each run once it cannot beat the best so far.
    init(_ method: Method, on quadratic: Quadratic, from start: (Double, Double), rates: [Double], mus: [Double],
         settings: MomentumAdamSpeedup.Settings) {
        for mu in method == .momentum ? mus : [0] {
            for rate in rates {
                let cap = (iterations ?? settings.iterationCap) - 1
                guard cap > 0, let n = iterationsToTolerance(
                    quadratic, from: start, optimizer: method.optimizer(rate: rate, mu: mu),
                    tolerance: settings.tolerance, window: settings.window, cap: cap) else { continue }
                (iterations, self.rate, self.mu) = (n, rate, mu)
            }
        }
    }
}

/// The saddle ½x² − ½y² + ¼y⁴ (minima at y = ±1): the steps until |y| ≥ `escape` from (x₀, y₀), and |y_t| on the way.
func saddleEscape(_ method: Method, from start: (Double, Double), settings: MomentumAdamSpeedup.Settings)
    -> (steps: Double, heights: [Double]) {
    let heights = descend(from: start, optimizer: method.optimizer(rate: settings.saddleRate, mu: settings.saddleMomentum),
                          steps: settings.saddleSteps, gradient: { x, y in (x, -y + y * y * y) }).map { abs($0.y) }
    return (heights.firstIndex { $0 >= settings.escapeHeight }.map(Double.init) ?? .nan, heights)
}
