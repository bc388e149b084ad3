import Foundation
import NeuralEngine

/// One comparison of Bergstra & Bengio (2012): `trials` points in the unit cube [0, 1]^`dimensions`, a centred grid
/// of m = trials^(1/dimensions) values per axis against as many uniform random points.
struct Configuration: Sendable, Hashable {
    let dimensions: Int, trials: Int
    var perAxis: Int { Int(Foundation.pow(Double(trials), 1 / Double(dimensions)).rounded()) }
    var name: String { "d = \(dimensions), n = \(trials)" }
}

/// A synthetic objective of low effective dimension: f(x) = Σ_i w_i exp(−(x_i − c_i)² / (2s²)) with w₁ = 1 (the
/// important parameter) and w_i = `minorWeight` for the others; the optimum c is drawn per repetition.
struct Objective: Sendable {
    let centre: [Double], weights: [Double], width: Double

    func value(_ x: [Double]) -> Double {
        zip(zip(x, centre), weights).map { p, w in w * Foundation.exp(-(p.0 - p.1) * (p.0 - p.1) / (2 * width * width)) }
            .reduce(0, +)
    }

    /// (max f − the best value among `points`) / max f, in [0, 1].
    func regret(_ points: [[Double]]) -> Double {
        let best = weights.reduce(0, +)
        return (best - points.map(value).max()!) / best
    }
}

/// The centred grid: every combination of the values (j + ½)/m, j = 0…m−1, on each axis.
func centredGrid(perAxis m: Int, dimensions d: Int) -> [[Double]] {
    let values = (0..<m).map { (Double($0) + 0.5) / Double(m) }
    return (0..<d).reduce([[]]) { points, _ in points.flatMap { p in values.map { p + [$0] } } }
}

/// Regrets of the grid and of random search over `repetitions` objectives.
struct RegretStudy: Sendable {
    var grid: [Double] = [], random: [Double] = []

    init(_ configuration: Configuration, repetitions: Int, width: Double, minorWeight: Double,
         using rng: inout SeededGenerator) {
        let d = configuration.dimensions, m = configuration.perAxis
        let gridPoints = centredGrid(perAxis: m, dimensions: d)
        let weights = [1.0] + Array(repeating: minorWeight, count: d - 1)
        for _ in 0..<repetitions {
            let centre = (0..<d).map { _ in rng.unitUniform() }
            let objective = Objective(centre: centre, weights: weights, width: width)
            let randomPoints = (0..<configuration.trials).map { _ in (0..<d).map { _ in rng.unitUniform() } }
            grid.append(objective.regret(gridPoints))
            random.append(objective.regret(randomPoints))
        }
    }

    var medianGrid: Double { median(grid) }
    var medianRandom: Double { median(random) }
    /// median(random) / median(grid): below 1 when random search has the lower median regret.
    var medianRatio: Double { medianRandom / medianGrid }
    /// The fraction of repetitions in which random search found a strictly lower regret than the grid.
    var winProbability: Double { Double(zip(random, grid).filter { $0 < $1 }.count) / Double(grid.count) }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted(), n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}
