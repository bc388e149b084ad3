import Foundation

// Elementwise arithmetic, broadcasting of a row vector, and reductions. Each loop runs on unsafe buffers and is
// specialised for Float and Double (see `EngineScalar`).

extension Tensor {
    @usableFromInline
    static func checkSameShape(_ a: Tensor, _ b: Tensor, _ operation: String) {
        precondition(a.rows == b.rows && a.columns == b.columns,
                     "Tensor \(operation): shapes \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns) differ")
    }

    /// Elementwise `f(a, b)` into a new tensor.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, _ f: (Scalar, Scalar) -> Scalar) -> Tensor {
        Tensor(rows: a.rows, columns: a.columns) { out in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    for i in 0..<out.count { out[i] = f(x[i], y[i]) }
                }
            }
        }
    }

    /// Elementwise sum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        checkSameShape(a, b, "+")
        return zip(a, b, +)
    }

    /// Elementwise difference.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        checkSameShape(a, b, "-")
        return zip(a, b, -)
    }

    /// Elementwise (Hadamard) product.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        checkSameShape(a, b, "*")
        return zip(a, b, *)
    }

    /// Every entry times `s`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (s: Scalar, a: Tensor) -> Tensor {
        Tensor(rows: a.rows, columns: a.columns) { out in
            a.scalars.withUnsafeBufferPointer { x in for i in 0..<out.count { out[i] = s * x[i] } }
        }
    }

    /// `self += s · other` (BLAS's axpy), in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func add(_ other: Tensor, scaledBy s: Scalar = 1) {
        Tensor.checkSameShape(self, other, "add")
        scalars.withUnsafeMutableBufferPointer { y in
            other.scalars.withUnsafeBufferPointer { x in for i in 0..<y.count { y[i] += s * x[i] } }
        }
    }

    /// `f` applied to every entry. For non-hot code; layers have their own specialised loops.
    public func map(_ f: (Scalar) -> Scalar) -> Tensor {
        Tensor(rows: rows, columns: columns, scalars: scalars.map(f))
    }

    /// Each row plus the 1×columns row vector `v` (the bias add of a linear layer).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func addingRowVector(_ v: Tensor) -> Tensor {
        precondition(v.rows == 1 && v.columns == columns,
                     "Tensor.addingRowVector: vector \(v.rows)×\(v.columns) does not match \(rows)×\(columns)")
        var result = self
        result.addRowVectorInPlace(v)
        return result
    }

    /// Adds the 1×columns row vector `v` to every row, in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func addRowVectorInPlace(_ v: Tensor) {
        precondition(v.rows == 1 && v.columns == columns,
                     "Tensor.addRowVector: vector \(v.rows)×\(v.columns) does not match \(rows)×\(columns)")
        let (n, d) = (rows, columns)
        scalars.withUnsafeMutableBufferPointer { y in
            v.scalars.withUnsafeBufferPointer { b in
                for r in 0..<n {
                    let row = y.baseAddress! + r * d
                    for c in 0..<d { row[c] += b[c] }
                }
            }
        }
    }

    /// The 1×columns vector of column sums, Σ_r x[r, c] (the bias gradient of a linear layer).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func columnSums() -> Tensor {
        var sums = [Scalar](repeating: 0, count: columns)
        let (n, d) = (rows, columns)
        scalars.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                for r in 0..<n {
                    let row = x.baseAddress! + r * d
                    for c in 0..<d { s[c] += row[c] }
                }
            }
        }
        return Tensor(rows: 1, columns: columns, scalars: sums)
    }

    /// The 1×columns vector of column means.
    public func columnMeans() -> Tensor {
        precondition(rows > 0, "Tensor.columnMeans: no rows")
        return (1 / Scalar(rows)) * columnSums()
    }

    /// The rows×1 vector of row sums.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rowSums() -> Tensor {
        let d = columns
        return Tensor(rows: rows, columns: 1) { out in
            scalars.withUnsafeBufferPointer { x in
                for r in 0..<out.count {
                    var s: Scalar = 0
                    for c in 0..<d { s += x[r * d + c] }
                    out[r] = s
                }
            }
        }
    }

    /// Σ of all entries (accumulated in Double).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum() -> Double {
        scalars.withUnsafeBufferPointer { x in x.reduce(0.0) { $0 + Double($1) } }
    }

    /// Mean of all entries (accumulated in Double).
    public func mean() -> Double {
        precondition(count > 0, "Tensor.mean: empty tensor")
        return sum() / Double(count)
    }

    /// Σ x² of all entries (accumulated in Double).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func squaredSum() -> Double {
        scalars.withUnsafeBufferPointer { x in x.reduce(0.0) { $0 + Double($1) * Double($1) } }
    }

    /// Frobenius norm ‖x‖ = √(Σ x²).
    public func norm() -> Double { squaredSum().squareRoot() }

    /// Largest |entry|.
    public func maxAbsolute() -> Double {
        scalars.reduce(0.0) { Swift.max($0, abs(Double($1))) }
    }

    /// A transposed copy (for tests and rare use; products transpose through BLAS flags instead).
    public func transposed() -> Tensor {
        let (n, d) = (rows, columns)
        return Tensor(rows: d, columns: n) { out in
            scalars.withUnsafeBufferPointer { x in
                for r in 0..<n { for c in 0..<d { out[c * n + r] = x[r * d + c] } }
            }
        }
    }

    /// Whether every entry is finite (no NaN or ±∞): a training run checks its loss and parameters with it.
    public var isFinite: Bool { scalars.allSatisfy(\.isFinite) }
}
