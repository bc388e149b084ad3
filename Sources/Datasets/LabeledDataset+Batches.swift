import NeuralEngine

extension LabeledDataset {
    /// One epoch of mini-batches in a random order drawn from `rng`: a permutation π of 0..<N
    /// (`rng.permutation(N)`), cut into consecutive runs of `size` indices. Each example appears exactly once per
    /// epoch, except that with `dropLast` a final batch smaller than `size` is left out (as PyTorch's `drop_last`).
    ///
    ///     for (x, y) in train.batches(size: 128, using: &rng) { … }   // x: 128×D, y: 128 labels
    ///
    /// The permutation is drawn now (the generator advances once per call, by N − 1 draws); rows are gathered lazily,
    /// one batch at a time.
    public func batches(size: Int, dropLast: Bool = false, using rng: inout SeededGenerator) -> MiniBatches<Scalar> {
        MiniBatches(dataset: self, order: rng.permutation(count), size: size, dropLast: dropLast)
    }

    /// The mini-batches of the examples in their stored order (no shuffling): for evaluation.
    public func batches(size: Int, dropLast: Bool = false) -> MiniBatches<Scalar> {
        MiniBatches(dataset: self, order: Array(0..<count), size: size, dropLast: dropLast)
    }
}

/// The mini-batches of one epoch: a random-access collection of `(features, labels)` pairs, batch b holding the
/// examples `order[b·size ..< min((b+1)·size, N)]`.
public struct MiniBatches<Scalar: EngineScalar>: RandomAccessCollection, Sendable {
    /// One mini-batch: B×D features and their B labels.
    public typealias Element = (features: Tensor<Scalar>, labels: [Int])

    /// The data set the batches are drawn from.
    public let dataset: LabeledDataset<Scalar>
    /// The order of the examples in this epoch (a permutation of 0..<N).
    public let order: [Int]
    /// The batch size B (the last batch may be smaller unless `dropLast`).
    public let size: Int
    /// Whether a final partial batch is left out.
    public let dropLast: Bool

    init(dataset: LabeledDataset<Scalar>, order: [Int], size: Int, dropLast: Bool) {
        precondition(size > 0, "LabeledDataset.batches: batch size must be positive, got \(size)")
        self.dataset = dataset
        self.order = order
        self.size = size
        self.dropLast = dropLast
    }

    public var startIndex: Int { 0 }
    /// ⌊N / B⌋ with `dropLast`, ⌈N / B⌉ without.
    public var endIndex: Int { dropLast ? order.count / size : (order.count + size - 1) / size }

    /// The example indices of batch `position`.
    public func exampleIndices(ofBatch position: Int) -> ArraySlice<Int> {
        precondition(position >= startIndex && position < endIndex,
                     "MiniBatches: batch \(position) outside 0..<\(endIndex)")
        return order[position * size ..< Swift.min((position + 1) * size, order.count)]
    }

    public subscript(position: Int) -> Element {
        let chosen = Array(exampleIndices(ofBatch: position))
        return (dataset.features.gatheringRows(chosen), chosen.map { dataset.labels[$0] })
    }
}
