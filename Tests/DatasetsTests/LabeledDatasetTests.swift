import Testing
@testable import Datasets
import NeuralEngine

/// N examples whose single feature is their own index and whose label is index mod K, so a batch says which examples
/// it holds.
func indexedDataset(_ n: Int, classes k: Int = 3) -> LabeledDataset<Float> {
    LabeledDataset(features: Tensor(rows: n, columns: 1, scalars: (0..<n).map(Float.init)),
                   labels: (0..<n).map { $0 % k }, classCount: k)
}

@Suite("Labelled data sets and mini-batches")
struct LabeledDatasetTests {
    @Test("subset and prefix agree with the same operations on plain arrays")
    func subsetAndPrefix() {
        let data = indexedDataset(10)
        let picks = [7, 0, 7, 3]
        let subset = data.subset(picks)
        #expect(subset.features.scalars == picks.map(Float.init))
        #expect(subset.labels == picks.map { $0 % 3 })
        for n in [0, 1, 4, 10, 20] {
            let prefix = data.prefix(n)
            #expect(prefix.features.scalars == Array((0..<min(n, 10)).map(Float.init)))
            #expect(prefix.labels == Array(data.labels.prefix(n)))
        }
        #expect(data.classCounts() == [4, 3, 3])
    }

    @Test("every example appears exactly once per epoch, and each batch's labels belong to its rows",
          arguments: [(0, 3), (1, 1), (10, 3), (10, 10), (10, 11), (100, 7)], [false, true])
    func oncePerEpoch(shape: (Int, Int), dropLast: Bool) {
        let (n, size) = shape
        let data = indexedDataset(n)
        var rng = SeededGenerator(seed: 3)
        let batches = data.batches(size: size, dropLast: dropLast, using: &rng)
        #expect(batches.count == (dropLast ? n / size : (n + size - 1) / size))
        var seen: [Int] = []
        for (x, y) in batches {
            #expect(x.columns == 1 && x.rows == y.count && x.rows <= size)
            if dropLast { #expect(x.rows == size) }
            for (value, label) in zip(x.scalars, y) { #expect(label == Int(value) % 3) }
            seen += x.scalars.map { Int($0) }
        }
        if dropLast {
            #expect(seen.count == (n / size) * size && Set(seen).count == seen.count)
        } else {
            #expect(seen.sorted() == Array(0..<n))
        }
    }

    @Test("the same seed gives the same order; another seed gives another")
    func seededOrder() {
        let data = indexedDataset(50)
        func order(_ seed: UInt64) -> [Float] {
            var rng = SeededGenerator(seed: seed)
            return data.batches(size: 8, using: &rng).flatMap { $0.features.scalars }
        }
        #expect(order(1) == order(1))
        #expect(order(1) != order(2))
        #expect(order(1) != (0..<50).map(Float.init), "the order is shuffled")
        #expect(data.batches(size: 8).flatMap { $0.features.scalars } == (0..<50).map(Float.init))
    }

    /// Oracle: the generator itself — epoch e's order is the e-th `rng.permutation(N)` drawn from the seed.
    @Test("each call draws the generator's next permutation, so successive epochs differ")
    func epochOrderIsNextPermutation() {
        let data = indexedDataset(30)
        var rng = SeededGenerator(seed: 4)
        let first = data.batches(size: 30, using: &rng).order
        let second = data.batches(size: 30, using: &rng).order
        var replay = SeededGenerator(seed: 4)
        #expect(first == replay.permutation(30))
        #expect(second == replay.permutation(30))
        #expect(first != second)
    }

    @Test("a stratified split keeps each class's share, is disjoint, and is reproducible", arguments: [true, false])
    func split(stratified: Bool) {
        let data = LabeledDataset(features: Tensor(rows: 100, columns: 1, scalars: (0..<100).map(Float.init)),
                                  labels: (0..<100).map { $0 < 60 ? 0 : ($0 < 90 ? 1 : 2) }, classCount: 3)
        var rng = SeededGenerator(seed: 8)
        let (training, validation) = data.split(validationFraction: 0.2, stratified: stratified, using: &rng)
        #expect(validation.count == 20 && training.count == 80)
        if stratified { #expect(validation.classCounts() == [12, 6, 2]) }
        let all = (training.features.scalars + validation.features.scalars).map { Int($0) }
        #expect(all.sorted() == Array(0..<100))
        for part in [training, validation] {
            #expect(zip(part.features.scalars, part.labels).allSatisfy { data.labels[Int($0)] == $1 })
        }
        var again = SeededGenerator(seed: 8)
        #expect(data.split(validationFraction: 0.2, stratified: stratified, using: &again).validation == validation)
    }
}
