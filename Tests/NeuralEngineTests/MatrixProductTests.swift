import Testing
import NeuralEngine

/// One matrix-product shape: op(A) is m×k, op(B) is k×n.
struct ProductShape: Sendable, CustomTestStringConvertible {
    let m: Int, k: Int, n: Int
    var testDescription: String { "(m \(m), k \(k), n \(n))" }
    /// A seed per shape, so each case draws its own operands.
    var seed: UInt64 { UInt64(1_000_000 + m * 10_000 + k * 100 + n) }
}

/// Which operands BLAS reads transposed.
enum Transposition: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case none = "A·B", b = "A·Bᵀ", a = "Aᵀ·B", both = "Aᵀ·Bᵀ"
    var transposeA: Bool { self == .a || self == .both }
    var transposeB: Bool { self == .b || self == .both }
    var testDescription: String { rawValue }
}

/// `Tensor.matmul` (OpenBLAS ?gemm with transpose flags) against the textbook triple loop.
struct MatrixProductTests {
    /// Sizes 1 and odd sizes (BLAS kernels special-case edges and tails), a shape of MLP size, and the empty cases
    /// m = 0, k = 0 (the product is then the zero matrix), n = 0.
    static let shapes: [ProductShape] = [
        .init(m: 1, k: 1, n: 1), .init(m: 1, k: 7, n: 3), .init(m: 5, k: 1, n: 4), .init(m: 7, k: 5, n: 3),
        .init(m: 16, k: 33, n: 9), .init(m: 64, k: 128, n: 10), .init(m: 3, k: 2, n: 1),
        .init(m: 0, k: 3, n: 4), .init(m: 3, k: 0, n: 4), .init(m: 3, k: 4, n: 0),
    ]

    /// Checks one case. Tolerance: a dot product of length k computed in any order in precision u (unit roundoff,
    /// ulpOfOne/2) is within γ_k·Σ_p|a_ip||b_pj|, γ_k = k·u/(1 − k·u) (Higham, *Accuracy and Stability of Numerical
    /// Algorithms*, 2nd ed., §3.1); we allow 2·k·ulpOfOne·Σ|a||b| = 4k·u·Σ|a||b|, about four times that bound. The
    /// oracle accumulates in Double.
    func check<Scalar: EngineScalar>(_ shape: ProductShape, _ transposition: Transposition, _: Scalar.Type) {
        var rng = SeededGenerator(seed: shape.seed)
        let (tA, tB) = (transposition.transposeA, transposition.transposeB)
        let a: Tensor<Scalar> = tA ? uniformTensor(shape.k, shape.m, using: &rng) : uniformTensor(shape.m, shape.k, using: &rng)
        let b: Tensor<Scalar> = tB ? uniformTensor(shape.n, shape.k, using: &rng) : uniformTensor(shape.k, shape.n, using: &rng)
        let c = Tensor.matmul(a, b, transposeA: tA, transposeB: tB)
        #expect(c.rows == shape.m && c.columns == shape.n, "shape \(c.shape)")

        let expected = naiveProduct(a, b, transposeA: tA, transposeB: tB)
        let absA = a.map { abs($0) }, absB = b.map { abs($0) }
        let magnitude = naiveProduct(absA, absB, transposeA: tA, transposeB: tB)
        let u = Double(Scalar.ulpOfOne)
        var failures = 0
        for i in 0..<shape.m {
            for j in 0..<shape.n {
                let tolerance = 2 * Double(shape.k) * u * magnitude[i][j]
                let error = abs(Double(c[i, j]) - expected[i][j])
                if error > tolerance {
                    failures += 1
                    if failures <= 3 { Issue.record("(\(i), \(j)): \(c[i, j]) vs \(expected[i][j]), tolerance \(tolerance)") }
                }
            }
        }
        #expect(failures == 0)
    }

    @Test(arguments: shapes, Transposition.allCases)
    func floatProductMatchesTripleLoop(shape: ProductShape, transposition: Transposition) {
        check(shape, transposition, Float.self)
    }

    @Test(arguments: shapes, Transposition.allCases)
    func doubleProductMatchesTripleLoop(shape: ProductShape, transposition: Transposition) {
        check(shape, transposition, Double.self)
    }

    /// A product of small integers is exact in either precision, so here the comparison is equality.
    @Test func integerProductIsExact() {
        // [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]] (worked by hand:
        // 1·7 + 2·9 + 3·11 = 58, 1·8 + 2·10 + 3·12 = 64, 4·7 + 5·9 + 6·11 = 139, 4·8 + 5·10 + 6·12 = 154).
        let a = Tensor<Float>([[1, 2, 3], [4, 5, 6]]), b = Tensor<Float>([[7, 8], [9, 10], [11, 12]])
        #expect(Tensor.matmul(a, b) == Tensor([[58, 64], [139, 154]]))
        // The same product through transpose flags on transposed copies: (Aᵀ)ᵀ·(Bᵀ)ᵀ.
        #expect(Tensor.matmul(a.transposed(), b.transposed(), transposeA: true, transposeB: true)
                == Tensor([[58, 64], [139, 154]]))
    }
}
