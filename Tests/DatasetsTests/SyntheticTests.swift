import Foundation
import Testing
@testable import Datasets
import NeuralEngine

@Suite("Synthetic data sets")
struct SyntheticTests {
    @Test("spiral: K blocks of N rows in 2-D, labelled block by block", arguments: [(100, 3), (1, 2), (5, 1)])
    func spiralShape(shape: (Int, Int)) {
        let (n, k) = shape
        var rng = SeededGenerator(seed: 0)
        let data = Synthetic.spiral(Float.self, pointsPerClass: n, classes: k, using: &rng)
        #expect(data.features.shape == (n * k, 2))
        #expect(data.classCount == k)
        #expect(data.labels == (0..<k).flatMap { Array(repeating: $0, count: n) })
    }

    /// Oracle: CS231n's recipe written out again here, in Double, from a generator with the same seed:
    /// r = linspace(0, 1, N), t = linspace(4j, 4(j+1), N) + 0.2·randn, x = (r sin t, r cos t).
    @Test("spiral follows CS231n's recipe point by point")
    func spiralRecipe() {
        let (n, k) = (50, 3)
        var rng = SeededGenerator(seed: 12)
        let data = Synthetic.spiral(Double.self, pointsPerClass: n, classes: k, using: &rng)
        var replay = SeededGenerator(seed: 12)
        for j in 0..<k {
            for i in 0..<n {
                let r = Double(i) / Double(n - 1)
                let t = Double(4 * j) + 4 * Double(i) / Double(n - 1) + 0.2 * replay.normal()
                let row = j * n + i
                #expect(abs(data.features[row, 0] - r * sin(t)) < 1e-12 && abs(data.features[row, 1] - r * cos(t)) < 1e-12,
                        "class \(j), point \(i)")
                let radius = (data.features[row, 0] * data.features[row, 0]
                              + data.features[row, 1] * data.features[row, 1]).squareRoot()
                #expect(abs(radius - r) < 1e-12)
            }
        }
    }

    @Test("spiral: the same seed gives the same points, another seed other points")
    func spiralSeeds() {
        func spiral(_ seed: UInt64) -> LabeledDataset<Float> {
            var rng = SeededGenerator(seed: seed)
            return Synthetic.spiral(pointsPerClass: 100, classes: 3, using: &rng)
        }
        #expect(spiral(7) == spiral(7))
        #expect(spiral(7).features != spiral(8).features)
    }

    /// Oracle: the mean of n draws from N(c, σ²) is within 5σ/√n of c on every coordinate.
    @Test("blobs are centred on their centres with the requested spread")
    func blobs() {
        var rng = SeededGenerator(seed: 2)
        let centres = Tensor<Double>([[0, 0], [5, 5], [-5, 3]])
        let n = 400, sigma = 0.5
        let data = Synthetic.blobs(centres: centres, pointsPerClass: n, standardDeviation: sigma, using: &rng)
        #expect(data.features.shape == (3 * n, 2) && data.classCounts() == [n, n, n])
        for j in 0..<3 {
            let block = data.subset(Array(j * n ..< (j + 1) * n)).features
            let means = naiveColumnMeans(block)
            #expect(abs(means[0] - centres[j, 0]) < 5 * sigma / Double(n).squareRoot())
            #expect(abs(means[1] - centres[j, 1]) < 5 * sigma / Double(n).squareRoot())
            #expect(isClose(naiveCovariance(block)[0][0].squareRoot(), sigma, tolerance: 0.1))
        }
        var again = SeededGenerator(seed: 2)
        let random = Synthetic.blobs(Float.self, classes: 4, dimensions: 3, pointsPerClass: 10, centreSpread: 4,
                                     standardDeviation: 1, using: &again)
        #expect(random.features.shape == (40, 3) && random.classCount == 4)
    }

    @Test("all-positive inputs lie in [0, 1) and are reproducible")
    func allPositive() {
        var rng = SeededGenerator(seed: 1)
        let x = Synthetic.allPositive(Float.self, count: 1_000, dimensions: 5, using: &rng)
        #expect(x.shape == (1_000, 5))
        #expect(x.scalars.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(x.mean() - 0.5) < 0.02)

        func labelled(_ seed: UInt64) -> LabeledDataset<Float> {
            var rng = SeededGenerator(seed: seed)
            return Synthetic.allPositiveClassification(count: 2_000, dimensions: 10, classes: 3, using: &rng)
        }
        let data = labelled(3)
        #expect(data == labelled(3))
        #expect(data.features.scalars.allSatisfy { $0 >= 0 })
        #expect(data.classCounts().allSatisfy { $0 > 200 }, "the teacher splits the cube among all classes: \(data.classCounts())")
    }

    @Test("a 2-D grid lists its points x fastest, corners included")
    func grid() {
        let grid = Grid2D(x: -1...1, y: 0...2, xSteps: 3, ySteps: 2)
        #expect(grid.xs == [-1, 0, 1] && grid.ys == [0, 2])
        let points = grid.points(Float.self)
        #expect(points.shape == (6, 2))
        #expect(points.row(0) == [-1, 0] && points.row(2) == [1, 0] && points.row(3) == [-1, 2] && points.row(5) == [1, 2])

        let covering = Grid2D(covering: Tensor<Float>([[0, 1], [2, -1]]), margin: 0.5, steps: 5)
        #expect(covering.xs.first == -0.5 && covering.xs.last == 2.5 && covering.ys.first == -1.5 && covering.ys.last == 1.5)
    }
}
