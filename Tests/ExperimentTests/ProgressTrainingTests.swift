import Foundation
import Testing
import Datasets
import NeuralEngine
@testable import ClaimKit

/// A TinyClaim-style claim that trains: two configurations (SGD rates) of a 2-8-3 MLP on a small spiral, 40 steps each,
/// so that `Sequential.train` reports its steps to the progress line by itself.
struct TrainingClaim: ClaimExperiment {
    struct Settings: Sendable { var rates = [0.01, 0.1], steps = 40 }
    static let full = Settings(), quick = Settings()
    struct Metrics: SeedMetrics, Equatable { var loss = 0.0 }
    static let reportTemplate: URL? = nil
    static let rules = [Rule("loss-small", \Metrics.loss, .lessThan(10))]

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, NoExtra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let data = Synthetic.spiral(Float.self, pointsPerClass: 30, classes: 3, using: &rng)
        let losses = settings.rates.enumerated().map { j, rate in
            SeedProgress.configuration(j + 1, of: settings.rates.count, "SGD η \(rate)")
            var stream = rng
            let network = Sequential<Float>.mlp(sizes: [2, 8, 3], activation: .relu, initializer: .heNormal,
                                                using: &stream)
            return network.train(on: data, steps: settings.steps, batchSize: 10,
                                 optimizer: SGD<Float>(learningRate: rate), using: &stream).meanLoss(last: 10)
        }
        return Outcome(claim: Metrics(loss: losses[1]), control: Metrics(loss: losses[0]), extra: NoExtra())
    }
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [] }
}

@Suite struct ProgressTrainingTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.withLock { text += s } }
        var value: String { lock.withLock { text } }
    }

    static func run(terminal: Bool) throws -> (text: String, outcomes: [Outcome<TrainingClaim.Metrics, NoExtra>]) {
        let lines = Lines()
        let progress = Progress(id: "t", terminal: terminal, columns: 300, refresh: 0, sink: lines.append)
        let outcomes = try TrainingClaim.measureSeeds([3, 4, 5], settings: .init(), inputs: (), progress: progress)
        return (lines.value, outcomes)
    }

    /// On a terminal the steps arrive from `Sequential.train` (in the long form with one seed running, the short one with
    /// two); the outcomes are those measured with no progress at all.
    @Test func aTerminalGetsTheStepsOfSequentialTrain() throws {
        let (text, outcomes) = try Self.run(terminal: true)
        for seed in [3, 4, 5] {
            #expect(text.contains("seed \(seed) (") || text.contains("seed \(seed): "))
        }
        #expect(text.contains("(SGD η 0.1), step 40 of 40") || text.contains("(SGD η 0.1), step 40/40"))
        #expect(text.contains("(SGD η 0.01), step 20 of 40") || text.contains("(SGD η 0.01), step 20/40"))
        #expect(!text.contains("\n"))
        let alone = try [3, 4, 5].map { try TrainingClaim.measure(seed: $0, settings: .init(), inputs: ()) }
        #expect(outcomes.map(\.claim) == alone.map(\.claim) && outcomes.map(\.control) == alone.map(\.control))
    }

    /// A log: one line per configuration started, none per step.
    @Test func aLogGetsTheConfigurationsButNoSteps() throws {
        let (text, _) = try Self.run(terminal: false)
        for seed in [3, 4, 5] {
            #expect(text.contains("t: seed \(seed): configuration 1 of 2 (SGD η 0.01)\n"))
            #expect(text.contains("t: seed \(seed): configuration 2 of 2 (SGD η 0.1)\n"))
        }
        #expect(!text.contains("step"))
    }
}
