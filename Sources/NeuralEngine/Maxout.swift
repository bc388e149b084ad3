/// Maxout (Goodfellow et al. 2013): y[n, m] = max_j z[n, m·k + j], z = x·W + b, with k affine pieces per unit.
///
/// Shapes: x is N×D, W is D×(M·k), b is 1×(M·k), y is N×M; unit m's pieces are the k adjacent columns
/// m·k ..< (m+1)·k. It has exactly k times the parameters of `Linear(D, M)`. Backward routes ∂L/∂y[n, m] to the
/// winning piece only (ties go to the first; a NaN piece wins, so divergence shows), then through the affine map as
/// `Linear` does.
public final class Maxout<Scalar: EngineScalar>: Layer {
    /// Number of affine pieces per unit.
    public let pieces: Int
    private let affine: Linear<Scalar>
    private var winners: [Int] = []
    private var batchSize = 0

    /// A maxout layer from `inputSize` to `outputSize` units of `pieces` pieces, W drawn by `initializer` with
    /// fan_in = D and fan_out = M·k.
    public init(_ inputSize: Int, _ outputSize: Int, pieces: Int, initializer: Initializer,
                using rng: inout SeededGenerator) {
        precondition(pieces >= 1, "Maxout: pieces must be at least 1, got \(pieces)")
        self.pieces = pieces
        affine = Linear(inputSize, outputSize * pieces, initializer: initializer, using: &rng)
    }

    public var outputSize: Int { affine.outputSize / pieces }
    public var parameters: [Parameter<Scalar>] { affine.parameters }
    public var description: String { "Maxout(\(affine.inputSize) → \(outputSize), pieces: \(pieces))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        let z = affine.forward(input, phase: phase)
        let (n, m, k) = (input.rows, outputSize, pieces)
        var winners = [Int](repeating: 0, count: n * m)
        let output = Tensor<Scalar>(rows: n, columns: m) { y in
            z.scalars.withUnsafeBufferPointer { z in
                for i in 0..<n * m {
                    let base = i * k   // row r = i / m, unit u = i % m: z index r·m·k + u·k = i·k
                    var best = 0
                    // A NaN piece wins (and stays the winner): a diverged piece makes the unit NaN instead of being
                    // hidden behind a finite one (`z > NaN` and `NaN > z` are both false).
                    for j in 1..<k where z[base + j] > z[base + best] || z[base + j].isNaN && !z[base + best].isNaN {
                        best = j
                    }
                    y[i] = z[base + best]
                    winners[i] = base + best
                }
            }
        }
        self.winners = winners
        batchSize = n
        return output
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        affine.backward(scatter(outputGradient))
    }

    public func backwardParametersOnly(_ outputGradient: Tensor<Scalar>) {
        affine.backwardParametersOnly(scatter(outputGradient))
    }

    /// ∂L/∂z: ∂L/∂y[n, m] at each winning piece, 0 elsewhere.
    private func scatter(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        precondition(outputGradient.rows == batchSize && outputGradient.columns == outputSize,
                     "Maxout.backward: gradient \(outputGradient.shape) does not match output \(batchSize)×\(outputSize)")
        var dz = Tensor<Scalar>(rows: batchSize, columns: outputSize * pieces)
        dz.scalars.withUnsafeMutableBufferPointer { dz in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                for i in 0..<dy.count { dz[winners[i]] = dy[i] }
            }
        }
        return dz
    }
}
