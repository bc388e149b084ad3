import Foundation

/// The scalar types the engine computes in: `Float` for experiments (what the peers use) and `Double` for gradient
/// checks. One generic implementation serves both; hot generic functions carry `@_specialize` for both types so that
/// calls from unspecialised code (a layer behind `any Layer`) jump to the specialised body at run time.
///
/// The requirements are the few operations a generic `BinaryFloatingPoint` lacks: BLAS's matrix product, LAPACK's
/// symmetric eigensolver (both in `BLAS.swift`, the only file that calls them) and the elementary functions.
public protocol EngineScalar: BinaryFloatingPoint, Sendable, CustomStringConvertible
where RawSignificand: FixedWidthInteger {
    /// C ← α·op(A)·op(B) + β·C with row-major storage; op(X) is X or Xᵀ (a BLAS flag — never a copy).
    /// Shapes: op(A) is m×k, op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored.
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// Eigen-decomposition of the symmetric n×n matrix `a` (row-major, overwritten with the eigenvectors as *rows*),
    /// eigenvalues ascending into `eigenvalues`. Returns LAPACK's `info` (0 on success).
    static func symmetricEigen(n: Int, a: UnsafeMutablePointer<Self>, eigenvalues: UnsafeMutablePointer<Self>) -> Int
    /// eˣ
    static func exp(_ x: Self) -> Self
    /// eˣ − 1, accurate for small |x| (where exp(x) − 1 cancels)
    static func expm1(_ x: Self) -> Self
    /// ln x
    static func log(_ x: Self) -> Self
    /// The format used when the engine prints a value: `%.9g` for Float, `%.17g` for Double.
    static var printFormat: String { get }
}

extension Float: EngineScalar {
    @inlinable public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
    @inlinable public static func expm1(_ x: Float) -> Float { Foundation.expm1f(x) }
    @inlinable public static func log(_ x: Float) -> Float { Foundation.logf(x) }
    public static var printFormat: String { "%.9g" }
}

extension Double: EngineScalar {
    @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inlinable public static func expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
    public static var printFormat: String { "%.17g" }
}
