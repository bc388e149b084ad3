import Testing
import NeuralEngine

/// `Sequential`: how it prints, builds an MLP, predicts in chunks, and takes a training step.
struct SequentialTests {
    @Test func mlpDescribesItself() {
        // The example of Sequential's doc comment.
        var rng = SeededGenerator(seed: 91)
        let network = Sequential<Float>.mlp(sizes: [784, 256, 10], activation: .relu, initializer: .heNormal, using: &rng)
        #expect(network.description == "Sequential(Linear(784 → 256), ReLU(), Linear(256 → 10))")
        // (784·256 + 256) + (256·10 + 10) learned scalars.
        #expect(network.parameterCount == 784 * 256 + 256 + 256 * 10 + 10)
    }

    @Test func mlpPlacesNormalisationBeforeEachHiddenActivation() {
        var rng = SeededGenerator(seed: 92)
        let batch = Sequential<Float>.mlp(sizes: [4, 3, 3, 2], activation: .tanh, initializer: .xavierNormal,
                                          normalization: .batch, using: &rng)
        #expect(batch.description == "Sequential(Linear(4 → 3), BatchNorm(3, momentum: 0.9, ε: 1e-05), Tanh(), "
                + "Linear(3 → 3), BatchNorm(3, momentum: 0.9, ε: 1e-05), Tanh(), Linear(3 → 2))")
        let layer = Sequential<Float>.mlp(sizes: [4, 2], activation: .relu, initializer: .heNormal,
                                          normalization: .layer, using: &rng)
        #expect(layer.description == "Sequential(Linear(4 → 2))")   // no hidden layer, so nothing to normalise
        let single = Sequential<Double>([Activation(.leakyReLU(slope: 0.01))])
        #expect(single.description == "Sequential(LeakyReLU(α: 0.01))")
    }

    @Test(arguments: [1, 7, 25, 1000])
    func predictInChunksMatchesOneBatch(batchSize: Int) {
        // A network with BatchNorm, trained a few steps so its running statistics are not the initial ones. In the
        // evaluation phase every example is processed alone, so chunking must not change the scores: compare with
        // one evaluation forward of all 25 examples (up to BLAS summation order, ≤ 1e-12 in Double).
        var rng = SeededGenerator(seed: 93)
        let network = Sequential<Double>.mlp(sizes: [6, 8, 3], activation: .relu, initializer: .heNormal,
                                             normalization: .batch, using: &rng)
        let optimizer = SGD<Double>(learningRate: 0.1)
        for _ in 0..<3 {
            network.trainStep(.normal(rows: 16, columns: 6, mean: 1, using: &rng),
                              labels: (0..<16).map { $0 % 3 }, optimizer: optimizer)
        }
        let x = Tensor<Double>.normal(rows: 25, columns: 6, using: &rng)
        let whole = network.forward(x, phase: .evaluation)
        let chunked = network.predict(x, batchSize: batchSize)
        #expect(chunked.rows == 25 && chunked.columns == 3)
        #expect(maxDifference(chunked, whole) < 1e-12, "batch size \(batchSize)")
    }

    @Test func trainStepReturnsTheLossBeforeTheUpdateAndLowersIt() {
        var rng = SeededGenerator(seed: 94)
        let network = Sequential<Double>.mlp(sizes: [3, 5, 2], activation: .tanh, initializer: .xavierNormal, using: &rng)
        let x = Tensor<Double>.normal(rows: 8, columns: 3, using: &rng), labels = [0, 1, 0, 1, 1, 0, 0, 1]
        let before = softmaxCrossEntropy(network.forward(x), labels: labels).value
        let reported = network.trainStep(x, labels: labels, optimizer: SGD(learningRate: 0.1))
        #expect(reported == before)
        // A small gradient step lowers the loss (first-order decrease η·‖∇L‖² > 0).
        #expect(softmaxCrossEntropy(network.forward(x), labels: labels).value < before)
    }

    @Test func backwardReturnsTheInputGradientOnlyWhenAsked() {
        // For Linear(W) alone, ∂L/∂x = g·Wᵀ; without `inputGradient` the result is nil but ∂L/∂W is still stored.
        let layer = Linear<Double>(weight: Tensor([[1, 2], [3, 4]]), bias: Tensor([[0, 0]]))
        let network = Sequential<Double>([layer])
        _ = network.forward(Tensor([[1, 1]]))
        #expect(network.backward(Tensor([[1, -1]])) == nil)
        #expect(layer.weight.gradient == Tensor([[1, -1], [1, -1]]))
        // g·Wᵀ = [1·1 − 1·2, 1·3 − 1·4] = [−1, −1].
        #expect(network.backward(Tensor([[1, -1]]), inputGradient: true) == Tensor([[-1, -1]]))
    }
}
