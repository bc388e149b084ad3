/// Matrix products through BLAS `?gemm`; transposes are BLAS flags, never copies.
extension Tensor {
    /// op(a) · op(b), where op(x) is x or xᵀ. Shapes: op(a) is m×k, op(b) is k×n, the result m×n.
    ///
    ///     let y = Tensor.matmul(x, w)                       // (N×D)·(D×M)
    ///     let dW = Tensor.matmul(x, dy, transposeA: true)   // (D×N)·(N×M)
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(k == kb, "Tensor.matmul: op(a) is \(m)×\(k) but op(b) is \(kb)×\(n)")
        guard m > 0, n > 0, k > 0 else { return Tensor(rows: m, columns: n, repeating: 0) }
        // β = 0: BLAS overwrites C without reading it, so the output needs no zero fill.
        return Tensor(rows: m, columns: n) { pc in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
                                a: pa.baseAddress!, lda: max(1, a.columns), b: pb.baseAddress!, ldb: max(1, b.columns),
                                beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }
}
