import NeuralEngine

extension Tensor where Scalar == Float {
    /// The D×D covariance (1/N) Σ (x − x̄)(x − x̄)ᵀ of N×D data (the mean accumulated in Double, the product by sgemm):
    /// how a preprocessing is checked for decorrelation or whiteness.
    public func covarianceMatrix() -> Tensor {
        let centred = MeanSubtraction.fit(self).apply(self)
        return (1 / Float(rows)) * Tensor.matmul(centred, centred, transposeA: true)
    }

    /// max_ij |C_ij / (s_i s_j) − δ_ij| of this square matrix C: how far it is from the identity, entry by entry.
    /// `scale` s defaults to all 1 (entries with s_i s_j = 0 are left out); `diagonal` true/false keeps only the
    /// diagonal or only the off-diagonal entries.
    public func distanceFromIdentity(scale: [Double]? = nil, diagonal: Bool? = nil) -> Double {
        precondition(rows == columns && (scale?.count ?? rows) == rows, "distanceFromIdentity: \(shape) is not square")
        var largest = 0.0
        for i in 0..<rows {
            for j in 0..<columns where diagonal == nil || diagonal == (i == j) {
                let s = scale.map { $0[i] * $0[j] } ?? 1
                if s > 0 { largest = Swift.max(largest, abs(Double(self[i, j]) / s - (i == j ? 1 : 0))) }
            }
        }
        return largest
    }

    /// The N×k data made of the columns `indices` of this N×D data, in that order.
    public func selectingColumns(_ indices: [Int]) -> Tensor {
        precondition(indices.allSatisfy { $0 >= 0 && $0 < columns }, "selectingColumns: an index is outside 0..<\(columns)")
        return Tensor(rows: rows, columns: indices.count) { out in
            for r in 0..<rows {
                for (c, j) in indices.enumerated() { out[r * indices.count + c] = scalars[r * columns + j] }
            }
        }
    }
}
