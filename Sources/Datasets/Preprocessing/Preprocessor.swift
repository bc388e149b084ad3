import NeuralEngine

/// A transform whose statistics were fitted on training data only and that is then applied, unchanged, to any data
/// (training, validation, test): fitting on the test set would leak it into the model (CS231n, lecture 6: "any
/// preprocessing statistics must only be computed on the training data, and then applied to the validation / test
/// data").
///
/// Each conforming type has a `static func fit(_ train: Tensor<Scalar>, …) -> Self` and holds the fitted values as
/// public properties, so a report can print them.
///
///     let standardize = ScalarStandardization.fit(train.features)
///     let (x, xTest) = (standardize.apply(train.features), standardize.apply(test.features))
public protocol Preprocessor<Scalar>: Sendable {
    associatedtype Scalar: EngineScalar
    /// The transform of N×D data (D = the training data's feature count): an N×D′ tensor.
    func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar>
}

extension LabeledDataset {
    /// The same examples with `preprocessor` applied to the features.
    public func preprocessed(by preprocessor: some Preprocessor<Scalar>) -> LabeledDataset {
        mappingFeatures { preprocessor.apply($0) }
    }
}

// Statistics shared by the preprocessors: accumulated in Double whatever the scalar type, so a Float mean over 47
// million pixels does not drift.

/// μ_j = (1/N) Σ_i x_ij, for each column j.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
func columnMeansInDouble<Scalar: EngineScalar>(_ x: Tensor<Scalar>) -> [Double] {
    precondition(x.rows > 0, "Preprocessor.fit: the training data has no rows")
    var sums = [Double](repeating: 0, count: x.columns)
    let (n, d) = (x.rows, x.columns)
    x.scalars.withUnsafeBufferPointer { p in
        sums.withUnsafeMutableBufferPointer { s in
            for r in 0..<n {
                let row = p.baseAddress! + r * d
                for c in 0..<d { s[c] += Double(row[c]) }
            }
        }
    }
    return sums.map { $0 / Double(n) }
}

/// σ_j² = (1/N) Σ_i (x_ij − μ_j)², for each column j (population variance, two-pass).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
func columnVariancesInDouble<Scalar: EngineScalar>(_ x: Tensor<Scalar>, means: [Double]) -> [Double] {
    var sums = [Double](repeating: 0, count: x.columns)
    let (n, d) = (x.rows, x.columns)
    x.scalars.withUnsafeBufferPointer { p in
        means.withUnsafeBufferPointer { m in
            sums.withUnsafeMutableBufferPointer { s in
                for r in 0..<n {
                    let row = p.baseAddress! + r * d
                    for c in 0..<d {
                        let deviation = Double(row[c]) - m[c]
                        s[c] += deviation * deviation
                    }
                }
            }
        }
    }
    return sums.map { $0 / Double(n) }
}

/// The mean μ and population variance (1/n) Σ (x − μ)² of all n entries (two passes, in Double; eight independent
/// accumulators so the sums vectorise instead of waiting on one another).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
func entryMeanAndVarianceInDouble<Scalar: EngineScalar>(_ x: Tensor<Scalar>) -> (mean: Double, variance: Double) {
    precondition(x.count > 0, "Preprocessor.fit: the training data is empty")
    let lanes = 8
    return x.scalars.withUnsafeBufferPointer { p in
        func accumulate(_ term: (Scalar) -> Double) -> Double {
            var partial = [Double](repeating: 0, count: lanes)
            let blocks = p.count / lanes
            partial.withUnsafeMutableBufferPointer { acc in
                for b in 0..<blocks {
                    let base = p.baseAddress! + b * lanes
                    for l in 0..<lanes { acc[l] += term(base[l]) }
                }
            }
            return partial.reduce(0, +) + p[(blocks * lanes)...].reduce(0.0) { $0 + term($1) }
        }
        let n = Double(p.count)
        let mean = accumulate { Double($0) } / n
        let variance = accumulate { let d = Double($0) - mean; return d * d } / n
        return (mean, variance)
    }
}

/// y_ij = (x_ij − shift_j) / scale_j, with shift and scale 1×D row vectors.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
func shiftingAndScalingColumns<Scalar: EngineScalar>(_ x: Tensor<Scalar>, shift: [Scalar], scale: [Scalar],
                                                     _ name: String) -> Tensor<Scalar> {
    precondition(x.columns == shift.count,
                 "\(name).apply: data has \(x.columns) features but was fitted on \(shift.count)")
    let d = x.columns
    return Tensor(rows: x.rows, columns: d) { out in
        x.scalars.withUnsafeBufferPointer { p in
            shift.withUnsafeBufferPointer { m in
                scale.withUnsafeBufferPointer { s in
                    for r in 0..<x.rows {
                        let source = p.baseAddress! + r * d, target = out.baseAddress! + r * d
                        for c in 0..<d { target[c] = (source[c] - m[c]) / s[c] }
                    }
                }
            }
        }
    }
}

/// y = (x − shift) / scale for every entry.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
func shiftingAndScalingEntries<Scalar: EngineScalar>(_ x: Tensor<Scalar>, shift: Scalar, scale: Scalar)
    -> Tensor<Scalar> {
    Tensor(rows: x.rows, columns: x.columns) { out in
        x.scalars.withUnsafeBufferPointer { p in
            for i in 0..<out.count { out[i] = (p[i] - shift) / scale }
        }
    }
}
