import Foundation
import Testing
import NeuralEngine

/// Loss values, predicted classes and accuracy against closed forms. (Gradients: `GradientCheckTests`.)
struct LossTests {
    @Test(arguments: [2, 3, 10])
    func uniformScoresCostLogC(classes: Int) {
        // Equal scores give p = 1/C for every class, so L = −ln(1/C) = ln C (ln 10 ≈ 2.303, CS231n's sanity check),
        // and ∂L/∂s = (1/C − onehot)/N.
        let n = 4
        let result = softmaxCrossEntropy(Tensor<Double>(rows: n, columns: classes, repeating: 0.7),
                                         labels: (0..<n).map { $0 % classes })
        #expect(abs(result.value - log(Double(classes))) < 1e-14)
        for r in 0..<n {
            for c in 0..<classes {
                let expected = (1.0 / Double(classes) - (c == r % classes ? 1 : 0)) / Double(n)
                #expect(abs(result.gradient[r, c] - expected) < 1e-15)
            }
        }
    }

    @Test func softmaxCrossEntropyWorkedExample() {
        // Scores [1, 2, 3], label 2: L = −ln(e³/(e + e² + e³)) = ln(1 + e⁻¹ + e⁻²) = 0.40760596…
        // Scores [1, 2, 3], label 0: L = ln(1 + e + e²) = 2.40760596…  Mean over the two rows: 1.40760596…
        let scores = Tensor<Double>([[1, 2, 3], [1, 2, 3]])
        let result = softmaxCrossEntropy(scores, labels: [2, 0])
        let expected = (log(1 + exp(-1.0) + exp(-2.0)) + log(1 + exp(1.0) + exp(2.0))) / 2
        #expect(abs(result.value - expected) < 1e-14)
        #expect(abs(result.value - 1.407_605_964_0) < 1e-9)
        // In Float, the same to single precision.
        let single = softmaxCrossEntropy(scores.converted(to: Float.self), labels: [2, 0])
        #expect(abs(single.value - expected) < 1e-6)
    }

    @Test func softmaxIsStableForLargeScores() {
        // Shifting every score of a row by a constant leaves softmax unchanged; 1000 would overflow e^s directly.
        let small = softmaxCrossEntropy(Tensor<Float>([[1, 2, 3]]), labels: [1])
        let large = softmaxCrossEntropy(Tensor<Float>([[1001, 1002, 1003]]), labels: [1])
        #expect(large.value.isFinite && large.gradient.isFinite)
        #expect(abs(large.value - small.value) < 1e-5)
        #expect(maxDifference(large.gradient, small.gradient) < 1e-6)
        // A confidently wrong score costs about the margin: ln(1 + e^(−50) + e^50) ≈ 50.
        #expect(abs(softmaxCrossEntropy(Tensor<Double>([[0, 0, 50]]), labels: [0]).value - 50) < 1e-12)
    }

    @Test func meanSquaredErrorWorkedExample() {
        // y − t = [[1, −2], [0, 3]]: L = (1 + 4 + 0 + 9)/4 = 3.5, ∂L/∂y = 2(y − t)/4 = [[0.5, −1], [0, 1.5]].
        let result = meanSquaredError(Tensor<Double>([[2, 0], [1, 4]]), targets: Tensor([[1, 2], [1, 1]]))
        #expect(result.value == 3.5)
        #expect(result.gradient == Tensor([[0.5, -1], [0, 1.5]]))
    }

    @Test func predictedClassesAndAccuracy() {
        // Row maxima at columns 2, 0, 1 (a tie between columns 0 and 2 in the last row goes to the first).
        let scores = Tensor<Float>([[0.1, 0.2, 0.7], [3, -1, 2], [0, 5, 1], [4, 1, 4]])
        #expect(predictedClasses(scores) == [2, 0, 1, 0])
        #expect(accuracy(scores, labels: [2, 0, 0, 0]) == 0.75)
        #expect(accuracy(Tensor<Float>(rows: 0, columns: 3), labels: []) == 0)
    }
}
