import NeuralEngine

extension LabeledDataset {
    /// A seeded split into training and validation sets.
    ///
    /// Stratified (the default): within each class k, its n_k examples are shuffled by `rng.permutation(n_k)` and
    /// the first round(fraction · n_k) go to validation, so each class keeps its share in both parts. Otherwise a
    /// single permutation of all N examples gives the first round(fraction · N) to validation. Both parts keep the
    /// examples in their original relative order (shuffle them per epoch with `batches(size:using:)`).
    public func split(validationFraction fraction: Double, stratified: Bool = true,
                      using rng: inout SeededGenerator) -> (training: LabeledDataset, validation: LabeledDataset) {
        precondition(fraction >= 0 && fraction <= 1,
                     "LabeledDataset.split: validation fraction must lie in [0, 1], got \(fraction)")
        var isValidation = [Bool](repeating: false, count: count)
        if stratified {
            var members = [[Int]](repeating: [], count: classCount)
            for (i, label) in labels.enumerated() { members[label].append(i) }
            for group in members {
                let take = Int((fraction * Double(group.count)).rounded())
                for j in rng.permutation(group.count).prefix(take) { isValidation[group[j]] = true }
            }
        } else {
            let take = Int((fraction * Double(count)).rounded())
            for i in rng.permutation(count).prefix(take) { isValidation[i] = true }
        }
        let validation = (0..<count).filter { isValidation[$0] }
        let training = (0..<count).filter { !isValidation[$0] }
        return (subset(training), subset(validation))
    }
}
