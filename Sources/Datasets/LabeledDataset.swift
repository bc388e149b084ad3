import NeuralEngine

/// A classification data set: N examples of D features with one class label each.
///
/// `features` is N×D (one example per row, CS231n's `X`), `labels[i] ∈ 0..<classCount` is row i's class (`y`).
public struct LabeledDataset<Scalar: EngineScalar>: Equatable, Sendable {
    /// N×D: row i is example i.
    public var features: Tensor<Scalar>
    /// N labels, each in 0..<classCount.
    public var labels: [Int]
    /// The number of classes K (labels range over 0..<K; a class may have no examples in a subset).
    public let classCount: Int

    /// A data set of `features` (N×D) and their `labels` (N values in 0..<classCount).
    public init(features: Tensor<Scalar>, labels: [Int], classCount: Int) {
        precondition(features.rows == labels.count,
                     "LabeledDataset: \(features.rows) feature rows but \(labels.count) labels")
        precondition(classCount > 0, "LabeledDataset: classCount must be positive, got \(classCount)")
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
            preconditionFailure("LabeledDataset: label \(labels[bad]) at index \(bad) is outside 0..<\(classCount)")
        }
        self.features = features
        self.labels = labels
        self.classCount = classCount
    }

    /// N, the number of examples.
    public var count: Int { labels.count }
    /// D, the number of features per example.
    public var featureCount: Int { features.columns }
    /// Whether there are no examples.
    public var isEmpty: Bool { labels.isEmpty }

    /// The examples at `indices`, in that order (repeats allowed).
    public func subset(_ indices: [Int]) -> LabeledDataset {
        LabeledDataset(features: features.gatheringRows(indices), labels: indices.map { labels[$0] },
                       classCount: classCount)
    }

    /// The first `min(n, count)` examples.
    public func prefix(_ n: Int) -> LabeledDataset {
        precondition(n >= 0, "LabeledDataset.prefix: n must be non-negative, got \(n)")
        let m = min(n, count)
        if m == count { return self }
        return LabeledDataset(features: Tensor(rows: m, columns: featureCount,
                                               scalars: Array(features.scalars.prefix(m * featureCount))),
                              labels: Array(labels.prefix(m)), classCount: classCount)
    }

    /// The number of examples of each class: `classCounts()[k]` = #{i : labels[i] = k}.
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The same labels with `transform` applied to the features (which must keep the number of rows).
    public func mappingFeatures(_ transform: (Tensor<Scalar>) throws -> Tensor<Scalar>) rethrows -> LabeledDataset {
        let mapped = try transform(features)
        precondition(mapped.rows == count,
                     "LabeledDataset.mappingFeatures: transform returned \(mapped.rows) rows for \(count) examples")
        return LabeledDataset(features: mapped, labels: labels, classCount: classCount)
    }
}

extension LabeledDataset: CustomStringConvertible {
    /// `LabeledDataset<Float>(examples: 60000, features: 784, classes: 10)`.
    public var description: String {
        "LabeledDataset<\(Scalar.self)>(examples: \(count), features: \(featureCount), classes: \(classCount))"
    }
}
