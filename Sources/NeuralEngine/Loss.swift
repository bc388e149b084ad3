/// A loss value with its gradient with respect to the network's output.
public struct LossResult<Scalar: EngineScalar> {
    /// The loss, averaged over the batch (accumulated in Double).
    public let value: Double
    /// ∂loss/∂output, same shape as the output.
    public let gradient: Tensor<Scalar>
}

/// Softmax cross-entropy over C classes, averaged over the N examples (CS231n `softmax_loss`):
/// L = −(1/N) Σ_n log softmax(s_n)[y_n], computed stably by subtracting each row's maximum; ∂L/∂s = (p − onehot(y))/N.
/// Scores are N×C, labels N integers in 0..<C. At a uniform output L = ln C (ln 10 ≈ 2.303 for ten classes).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func softmaxCrossEntropy<Scalar: EngineScalar>(_ scores: Tensor<Scalar>, labels: [Int]) -> LossResult<Scalar> {
    precondition(labels.count == scores.rows, "softmaxCrossEntropy: \(labels.count) labels for \(scores.rows) score rows")
    let (n, c) = (scores.rows, scores.columns)
    precondition(c > 0, "softmaxCrossEntropy: scores have no columns")
    var total = 0.0
    let gradient = Tensor<Scalar>(rows: n, columns: c) { g in
        scores.scalars.withUnsafeBufferPointer { s in
            for r in 0..<n {
                let label = labels[r]
                precondition(label >= 0 && label < c, "softmaxCrossEntropy: label \(label) outside 0..<\(c)")
                let row = r * c
                var maximum = s[row]
                for j in 1..<c { maximum = max(maximum, s[row + j]) }
                var sum: Scalar = 0
                for j in 0..<c { let e = Scalar.exp(s[row + j] - maximum); g[row + j] = e; sum += e }
                total += Double(Scalar.log(sum) - (s[row + label] - maximum))
                let scale = 1 / (sum * Scalar(n))
                for j in 0..<c { g[row + j] *= scale }
                g[row + label] -= 1 / Scalar(n)
            }
        }
    }
    return LossResult(value: total / Double(n), gradient: gradient)
}

/// Mean squared error over every entry: L = (1/(N·D)) Σ (y − t)², ∂L/∂y = 2(y − t)/(N·D).
public func meanSquaredError<Scalar: EngineScalar>(_ output: Tensor<Scalar>, targets: Tensor<Scalar>) -> LossResult<Scalar> {
    Tensor.checkSameShape(output, targets, "meanSquaredError")
    let difference = output - targets
    let count = Double(output.count)
    return LossResult(value: difference.squaredSum() / count, gradient: Scalar(2 / count) * difference)
}

/// The index of each row's largest score (the predicted class).
public func predictedClasses<Scalar: EngineScalar>(_ scores: Tensor<Scalar>) -> [Int] {
    (0..<scores.rows).map { r in
        var best = 0
        for j in 1..<scores.columns where scores[r, j] > scores[r, best] { best = j }
        return best
    }
}

/// The fraction of rows whose largest score is at the label.
public func accuracy<Scalar: EngineScalar>(_ scores: Tensor<Scalar>, labels: [Int]) -> Double {
    precondition(labels.count == scores.rows, "accuracy: \(labels.count) labels for \(scores.rows) rows")
    guard !labels.isEmpty else { return 0 }
    return Double(zip(predictedClasses(scores), labels).filter { $0 == $1 }.count) / Double(labels.count)
}
