import NeuralEngine

// Oracles and fixtures shared by the engine's tests. Every oracle here is a plain loop in Double, written without the
// engine's own helpers, so a test compares the engine against an independent computation.

/// C = op(A)·op(B) by the textbook triple loop, accumulated in Double. `a` is stored m×k (or k×m when `transposeA`),
/// `b` is stored k×n (or n×k when `transposeB`); the result is m×n row-major.
func naiveProduct<Scalar: EngineScalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>,
                                        transposeA: Bool = false, transposeB: Bool = false) -> [[Double]] {
    let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let n = transposeB ? b.rows : b.columns
    var c = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k {
                let x = transposeA ? a.scalars[p * a.columns + i] : a.scalars[i * a.columns + p]
                let y = transposeB ? b.scalars[j * b.columns + p] : b.scalars[p * b.columns + j]
                sum += Double(x) * Double(y)
            }
            c[i][j] = sum
        }
    }
    return c
}

/// The entries of a tensor as nested rows of Doubles, read by index arithmetic (not through `Tensor.row`).
func rowsOf<Scalar: EngineScalar>(_ t: Tensor<Scalar>) -> [[Double]] {
    (0..<t.rows).map { r in (0..<t.columns).map { c in Double(t.scalars[r * t.columns + c]) } }
}

/// Largest |a − b| over two tensors of the same shape.
func maxDifference<Scalar: EngineScalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns, "maxDifference: \(a.shape) vs \(b.shape)")
    return zip(a.scalars, b.scalars).reduce(0.0) { max($0, abs(Double($1.0) - Double($1.1))) }
}

/// Largest |a − b| of a tensor against nested rows.
func maxDifference<Scalar: EngineScalar>(_ a: Tensor<Scalar>, _ rows: [[Double]]) -> Double {
    precondition(a.rows == rows.count && rows.allSatisfy { $0.count == a.columns }, "maxDifference: shape mismatch")
    var worst = 0.0
    for r in 0..<a.rows { for c in 0..<a.columns { worst = max(worst, abs(Double(a.scalars[r * a.columns + c]) - rows[r][c])) } }
    return worst
}

/// A rows×columns tensor of U[−1, 1) draws from `rng`.
func uniformTensor<Scalar: EngineScalar>(_ rows: Int, _ columns: Int, using rng: inout SeededGenerator,
                                         as: Scalar.Type = Scalar.self) -> Tensor<Scalar> {
    Tensor(rows: rows, columns: columns, scalars: (0..<rows * columns).map { _ in Scalar(rng.uniform(-1, 1)) })
}

/// A rows×columns Double tensor whose entries have magnitude in [0.1, 2) and a random sign: at least 0.1 away from the
/// kink of ReLU, leaky ReLU, PReLU and ELU, so a centred difference with h = 1e-5 never straddles it.
func awayFromZero(_ rows: Int, _ columns: Int, using rng: inout SeededGenerator) -> Tensor<Double> {
    Tensor(rows: rows, columns: columns, scalars: (0..<rows * columns).map { _ in
        let magnitude = rng.uniform(0.1, 2)
        return rng.unitUniform() < 0.5 ? -magnitude : magnitude
    })
}

/// Population mean and standard deviation of `values`, by two passes in Double.
func meanAndStandardDeviation<S: Sequence>(_ values: S) -> (mean: Double, standardDeviation: Double)
where S.Element: BinaryFloatingPoint {
    let x = values.map { Double($0) }
    let mean = x.reduce(0, +) / Double(x.count)
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
    return (mean, variance.squareRoot())
}

/// Per-column population mean and variance of a tensor, by loops in Double.
func columnMoments<Scalar: EngineScalar>(_ t: Tensor<Scalar>) -> (mean: [Double], variance: [Double]) {
    var mean = [Double](repeating: 0, count: t.columns), variance = [Double](repeating: 0, count: t.columns)
    for c in 0..<t.columns {
        for r in 0..<t.rows { mean[c] += Double(t.scalars[r * t.columns + c]) }
        mean[c] /= Double(t.rows)
        for r in 0..<t.rows { let e = Double(t.scalars[r * t.columns + c]) - mean[c]; variance[c] += e * e }
        variance[c] /= Double(t.rows)
    }
    return (mean, variance)
}
