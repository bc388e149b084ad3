import Foundation
import Testing
@testable import Datasets
import NeuralEngine

/// N×D Gaussian data with per-feature means `means` and standard deviations `deviations` (seeded).
func gaussianData<Scalar: EngineScalar>(_: Scalar.Type = Scalar.self, rows: Int, means: [Double], deviations: [Double],
                                        seed: UInt64) -> Tensor<Scalar> {
    var rng = SeededGenerator(seed: seed)
    let d = means.count
    return Tensor(rows: rows, columns: d, scalars: (0..<rows * d).map { i in
        Scalar(rng.normal(mean: means[i % d], standardDeviation: deviations[i % d]))
    })
}

/// x + shift on every row.
func shifted<Scalar: EngineScalar>(_ x: Tensor<Scalar>, by shift: [Double]) -> Tensor<Scalar> {
    x.addingRowVector(Tensor(row: shift.map { Scalar($0) }))
}

@Suite("Preprocessing fitted on training data")
struct PreprocessingTests {
    let train: Tensor<Double> = gaussianData(rows: 500, means: [1, -2, 5, 0], deviations: [1, 3, 0.5, 2], seed: 1)
    let shift = [0.5, -1, 2, 3]

    @Test("mean subtraction centres the training set and shifts a test set by μ_test − μ_train")
    func meanSubtraction() {
        let fitted = MeanSubtraction.fit(train)
        let trainMeans = naiveColumnMeans(train)
        #expect(zip(fitted.mean.scalars, trainMeans).allSatisfy { isClose($0, $1, tolerance: 1e-12) })
        #expect(naiveColumnMeans(fitted.apply(train)).allSatisfy { abs($0) < 1e-12 })

        let test = shifted(gaussianData(Double.self, rows: 300, means: [1, -2, 5, 0], deviations: [1, 3, 0.5, 2], seed: 2), by: shift)
        let testMeans = naiveColumnMeans(test)
        let result = naiveColumnMeans(fitted.apply(test))
        for j in 0..<4 {
            #expect(isClose(result[j], testMeans[j] - trainMeans[j], tolerance: 1e-12), "feature \(j)")
            #expect(abs(result[j]) > 0.1, "feature \(j): a test set must not be re-centred on its own mean")
        }
    }

    @Test("scalar standardisation uses one μ and σ over all training entries")
    func scalarStandardization() {
        let fitted = ScalarStandardization.fit(train)
        let all = train.scalars
        let mu = all.reduce(0, +) / Double(all.count)
        let sigma = (all.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(all.count)).squareRoot()
        #expect(isClose(fitted.mean, mu, tolerance: 1e-12) && isClose(fitted.standardDeviation, sigma, tolerance: 1e-12))

        let y = fitted.apply(train)
        #expect(abs(y.mean()) < 1e-12)
        #expect(isClose((y.squaredSum() / Double(y.count)).squareRoot(), 1, tolerance: 1e-12))

        let test = shifted(train, by: [2, 2, 2, 2])
        #expect(isClose(fitted.apply(test).mean(), 2 / sigma, tolerance: 1e-12), "(μ_test − μ_train)/σ_train")
    }

    @Test("per-feature standardisation gives each training feature mean 0 and standard deviation 1")
    func featureStandardization() {
        let fitted = FeatureStandardization.fit(train)
        let y = fitted.apply(train)
        let means = naiveColumnMeans(y)
        let variances = (0..<4).map { naiveCovariance(y)[$0][$0] }
        #expect(means.allSatisfy { abs($0) < 1e-12 })
        #expect(variances.allSatisfy { isClose($0, 1, tolerance: 1e-12) })

        let test = shifted(train, by: shift)
        let testMeans = naiveColumnMeans(fitted.apply(test))
        for j in 0..<4 {
            #expect(isClose(testMeans[j], shift[j] / Double(fitted.standardDeviation.scalars[j]), tolerance: 1e-12))
        }
    }

    @Test("a constant feature is divided by ε, not by 0: it maps to 0 with no NaN")
    func constantFeatureGuard() {
        let x = Tensor<Float>([[1, 7], [2, 7], [3, 7]])
        let fitted = FeatureStandardization.fit(x, epsilon: 1e-6)
        #expect(fitted.standardDeviation.scalars[1] == 0)
        let y = fitted.apply(x)
        #expect(y.isFinite)
        #expect(y.column(1) == [0, 0, 0])
        #expect(fitted.apply(Tensor([[2, 7.5]]))[0, 1] == Float(0.5 / 1e-6))

        let scalar = ScalarStandardization.fit(Tensor<Float>(rows: 2, columns: 2, repeating: 3))
        #expect(scalar.apply(Tensor([[3, 3]])).scalars == [0, 0])
    }

    /// Oracle: the closed-form eigenvalues of the 2×2 sample covariance [[a, b], [b, c]],
    /// λ = (a + c)/2 ± √(((a − c)/2)² + b²), computed from a plain Double loop.
    @Test("PCA of 2-D data matches the closed-form eigen-decomposition of its covariance")
    func pcaTwoDimensionsClosedForm() {
        var rng = SeededGenerator(seed: 5)
        let x = Tensor<Double>(rows: 2_000, columns: 2, scalars: (0..<2_000).flatMap { _ -> [Double] in
            let (u, v) = (rng.normal(), rng.normal())
            return [3 + 2 * u, -1 + 1.5 * u + 0.5 * v]       // correlated features
        })
        let c = naiveCovariance(x)
        let (a, b, d) = (c[0][0], c[0][1], c[1][1])
        let radius = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
        let expected = [(a + d) / 2 + radius, (a + d) / 2 - radius]

        let pca = PCA.fit(x)
        #expect(zip(pca.eigenvalues, expected).allSatisfy { isClose($0, $1, tolerance: 1e-10) }, "\(pca.eigenvalues)")
        for i in 0..<2 {                                       // C u = λ u, ‖u‖ = 1
            let u = pca.eigenvectors.row(i)
            let cu = [c[0][0] * u[0] + c[0][1] * u[1], c[1][0] * u[0] + c[1][1] * u[1]]
            #expect(isClose(cu[0], expected[i] * u[0], tolerance: 1e-9) && isClose(cu[1], expected[i] * u[1], tolerance: 1e-9))
            #expect(isClose(u[0] * u[0] + u[1] * u[1], 1, tolerance: 1e-12))
        }
        // Projected coordinates are uncorrelated with variances λ.
        let z = naiveCovariance(pca.apply(x))
        #expect(isClose(z[0][0], expected[0], tolerance: 1e-10) && isClose(z[1][1], expected[1], tolerance: 1e-10))
        #expect(abs(z[0][1]) < 1e-10)
    }

    /// Oracle: without centring, PCA decomposes the second moment E[xxᵀ] = (1/N) Σ x xᵀ (a plain Double loop), whose
    /// 2×2 eigenvalues have the closed form above; with a mean far from 0 the top one carries ‖μ‖² ≈ 10.
    @Test("uncentred PCA matches the closed-form eigenvalues of E[xxᵀ]")
    func uncentredPCAIsTheSecondMoment() {
        var rng = SeededGenerator(seed: 6)
        let x = Tensor<Double>(rows: 1_000, columns: 2, scalars: (0..<2_000).map { i in
            (i % 2 == 0 ? 3 : 1) + rng.normal(standardDeviation: 0.5)
        })
        let m = (0..<2).map { a in (0..<2).map { b in (0..<1_000).reduce(0.0) { $0 + x[$1, a] * x[$1, b] } / 1_000 } }
        let radius = (((m[0][0] - m[1][1]) / 2) * ((m[0][0] - m[1][1]) / 2) + m[0][1] * m[0][1]).squareRoot()
        let expected = [(m[0][0] + m[1][1]) / 2 + radius, (m[0][0] + m[1][1]) / 2 - radius]
        let pca = PCA.fit(x, centring: false)
        #expect(zip(pca.eigenvalues, expected).allSatisfy { isClose($0, $1, tolerance: 1e-10) }, "\(pca.eigenvalues)")
        #expect(pca.mean.scalars == [0, 0])
        #expect(expected[0] > 9, "the mean direction dominates: \(expected)")
        #expect(PCA.fit(x).eigenvalues[0] < 0.5, "centred, only the noise (variance 0.25) remains")
    }

    /// Oracle: x = z · diag(3, 2, 1) · Rᵀ with z ~ N(0, I) and R a rotation has covariance R diag(9, 4, 1) Rᵀ, whose
    /// eigenvalues are 9, 4, 1 and eigenvectors R's columns. With N = 20,000 a sample eigenvalue's relative standard
    /// error is √(2/N) ≈ 1%, so 5% is a 5σ tolerance.
    func pcaRecoversKnownCovariance<Scalar: EngineScalar>(_: Scalar.Type) {
        let (alpha, beta) = (0.7, -0.4)
        let rz = [[cos(alpha), -sin(alpha), 0], [sin(alpha), cos(alpha), 0], [0, 0, 1]]
        let rx = [[1, 0, 0], [0, cos(beta), -sin(beta)], [0, sin(beta), cos(beta)]]
        let r = (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0.0) { $0 + rz[i][$1] * rx[$1][j] } } }
        let scales = [3.0, 2.0, 1.0]
        var rng = SeededGenerator(seed: 9)
        let n = 20_000
        let x = Tensor<Scalar>(rows: n, columns: 3, scalars: (0..<n).flatMap { _ -> [Scalar] in
            let z = (0..<3).map { scales[$0] * rng.normal() }
            return (0..<3).map { i in Scalar(10 + (0..<3).reduce(0.0) { $0 + z[$1] * r[i][$1] }) }
        })
        let pca = PCA.fit(x)
        for (i, lambda) in [9.0, 4.0, 1.0].enumerated() {
            #expect(isClose(Double(pca.eigenvalues[i]), lambda, tolerance: 0.05), "λ\(i) = \(pca.eigenvalues[i])")
            let alignment = (0..<3).reduce(0.0) { $0 + Double(pca.eigenvectors[i, $1]) * r[$1][i] }
            #expect(abs(alignment) > 0.99, "u\(i) vs R's column \(i): |cos| = \(abs(alignment))")
        }
        let ratios = pca.explainedVarianceRatio
        #expect(isClose(ratios.reduce(0, +), 1, tolerance: 1e-6))
        #expect(ratios == ratios.sorted(by: >))
        #expect(isClose(ratios[0], 9.0 / 14, tolerance: 0.05))
        #expect(isClose(pca.cumulativeExplainedVarianceRatio.last!, 1, tolerance: 1e-6))
        #expect(pca.componentCount(explaining: 0.5) == 1)
        #expect(pca.componentCount(explaining: 0.9) == 2)
        #expect(pca.componentCount(explaining: 1) == 3)

        // Whitened training data: covariance diag(λ/(λ + ε)) ≈ I.
        let whitening = PCAWhitening.fit(x, epsilon: 1e-5)
        let w = naiveCovariance(whitening.apply(x))
        let tolerance = Scalar.self == Float.self ? 1e-3 : 1e-9
        for i in 0..<3 {
            let lambda = Double(pca.eigenvalues[i])
            #expect(isClose(w[i][i], lambda / (lambda + 1e-5), tolerance: tolerance), "whitened variance \(i): \(w[i][i])")
            for j in 0..<3 where j != i { #expect(abs(w[i][j]) < tolerance, "whitened covariance (\(i), \(j))") }
        }
    }

    @Test("PCA recovers the eigenvalues of a known 3-D covariance and whitens it to I (Double)")
    func pcaKnownCovarianceDouble() { pcaRecoversKnownCovariance(Double.self) }

    @Test("PCA recovers the eigenvalues of a known 3-D covariance and whitens it to I (Float)")
    func pcaKnownCovarianceFloat() { pcaRecoversKnownCovariance(Float.self) }

    /// Oracle: `apply`. Whitening coordinates projected once (here in Double, whitened in Float) gives the same
    /// numbers as whitening the data directly, for each ε; ε = 0 divides by √λ exactly.
    @Test("whitening precomputed PCA coordinates matches apply, in either precision")
    func whiteningProjectedCoordinates() {
        let pca = PCA.fit(train)
        let coordinates = pca.project(train, components: 4)
        for epsilon in [0, 1e-5, 0.1] {
            let whitening = PCAWhitening(pca: pca, epsilon: epsilon)
            #expect((whitening.whitening(projected: coordinates) - whitening.apply(train)).maxAbsolute() < 1e-12)
            let inFloat = whitening.whitening(projected: coordinates.converted(to: Float.self))
            #expect((inFloat.converted(to: Double.self) - whitening.apply(train)).maxAbsolute() < 1e-5)
            let first = whitening.whitening(projected: pca.project(train, components: 2))
            #expect(first.shape == (500, 2))
            #expect(isClose(first[3, 1], coordinates[3, 1] / (Double(pca.eigenvalues[1]) + epsilon).squareRoot(),
                            tolerance: 1e-12))
        }
    }

    @Test("PCA projects other data with the training mean and directions")
    func pcaAppliesTrainingStatistics() {
        let pca = PCA.fit(train, components: 2)
        #expect(pca.apply(train).shape == (500, 2))
        let delta = pca.apply(shifted(train, by: shift)) - pca.apply(train)
        let u = pca.directions(2)
        let expected = (0..<2).map { k in (0..<4).reduce(0.0) { $0 + shift[$1] * u[k, $1] } }   // shift · U_kᵀ
        for row in 0..<500 {
            #expect(isClose(delta[row, 0], expected[0], tolerance: 1e-10) && isClose(delta[row, 1], expected[1], tolerance: 1e-10))
        }
    }

    @Test("keeping all components, reconstruction returns the data")
    func pcaReconstruction() {
        let pca = PCA.fit(train)
        let back = pca.reconstruct(pca.apply(train))
        #expect((back - train).maxAbsolute() < 1e-10)
        #expect(pca.keeping(1).apply(train).shape == (500, 1))
    }

    @Test("a data set is preprocessed with its labels kept")
    func preprocessedDataset() {
        let data = LabeledDataset(features: train, labels: (0..<500).map { $0 % 3 }, classCount: 3)
        let standardize = ScalarStandardization.fit(data.features)
        let result = data.preprocessed(by: standardize)
        #expect(result.labels == data.labels)
        #expect(result.features == standardize.apply(train))
    }
}
