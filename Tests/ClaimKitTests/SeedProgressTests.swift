import Foundation
import NeuralEngine
import Testing
@testable import ClaimKit

/// A claim whose seeds announce three configurations and run training loops without a network: the loops report to
/// whatever `TrainingProgress.observer` is bound, as `Sequential.train` does (that one is tested in ExperimentTests,
/// where Datasets is at hand). Configuration 1: one loop of 200 steps; 2 (numbered by itself): two loops of 50, no
/// total announced; 3: two loops of 50, 100 steps announced.
struct SweepClaim: ClaimExperiment {
    struct Settings: Sendable {}
    static let full = Settings(), quick = Settings()
    struct Metrics: SeedMetrics { var x = 0.0 }
    static let reportTemplate: URL? = nil
    static let rules = [Rule("x-small", \Metrics.x, .lessThan(1))]

    static func loop(_ steps: Int) {
        let observer = TrainingProgress.observer
        observer?.trainingStarts(steps: steps)
        for k in 1...steps { observer?.stepDone(k) }
    }

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, NoExtra> {
        SeedProgress.configuration(1, of: 3, "one loop, seed \(seed)")
        loop(200)
        SeedProgress.configuration(of: 3, "two loops, seed \(seed)")
        loop(50)
        loop(50)
        SeedProgress.configuration(of: 3, "announced, seed \(seed)", steps: 100)
        loop(50)
        loop(50)
        return Outcome(claim: Metrics(x: Double(seed)), control: Metrics(x: 5), extra: NoExtra())
    }
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [] }
}

/// Configurations and steps through Progress's injected sink: a log gets one line per configuration and none per step;
/// a terminal gets the configuration and the step in its rewritten line, fitted to the width.
@Suite struct SeedProgressTests {
    typealias Lines = ProgressTests.Lines

    @Test func outsideARunNothingHappensAndNoLabelIsFormed() {
        var formed = false
        func label() -> String { formed = true; return "x" }
        SeedProgress.configuration(1, of: 2, label())
        SeedProgress.configuration(of: 2, label(), steps: 10)
        #expect(!formed)
        #expect(TrainingProgress.observer == nil && SeedProgress.activity == nil)
    }

    /// Seeds measured two at a time on concurrentPerform threads: each line names the seed that announced it (the
    /// bindings are per thread), and no step reaches a log.
    @Test func aLogGetsOneLinePerConfigurationAndNoSteps() throws {
        let lines = Lines()
        let progress = Progress(id: "c", terminal: false, sink: lines.append)
        let seeds = Array(0..<5)
        _ = try SweepClaim.measureSeeds(seeds, settings: .init(), inputs: (), progress: progress)
        let text = lines.value
        for seed in seeds {
            #expect(text.contains("c: seed \(seed): configuration 1 of 3 (one loop, seed \(seed))\n"))
            #expect(text.contains("c: seed \(seed): configuration 2 of 3 (two loops, seed \(seed))\n"))
            #expect(text.contains("c: seed \(seed): configuration 3 of 3 (announced, seed \(seed))\n"))
        }
        #expect(!text.contains("step") && !text.contains("\r"))
        #expect(text.split(separator: "\n").count == 1 + 4 * seeds.count)   // measuring; 3 configurations + measured
    }

    @Test func aTerminalShowsTheConfigurationAndTheStep() throws {
        let lines = Lines()
        let progress = Progress(id: "c", terminal: true, columns: 200, refresh: 0, sink: lines.append)
        _ = try SweepClaim.measureSeeds([7], settings: .init(), inputs: (), progress: progress)
        let frames = lines.value.components(separatedBy: "\r\u{1B}[K").dropFirst()
        #expect(frames.first == "c: measuring 1 seed")
        #expect(frames.contains("c: seed 7 (0 of 1 done): configuration 1 of 3 (one loop, seed 7), step 2 of 200"))
        #expect(frames.contains("c: seed 7 (0 of 1 done): configuration 1 of 3 (one loop, seed 7), step 200 of 200"))
        // Two loops with no total: the first loop's count while it runs, then the steps so far alone.
        #expect(frames.contains("c: seed 7 (0 of 1 done): configuration 2 of 3 (two loops, seed 7), step 50 of 50"))
        #expect(frames.contains("c: seed 7 (0 of 1 done): configuration 2 of 3 (two loops, seed 7), step 100"))
        #expect(frames.contains("c: seed 7 (0 of 1 done): configuration 3 of 3 (announced, seed 7), step 100 of 100"))
        #expect(frames.last == "c: seed 7 measured (1 of 1)")
        // Every 1% of a loop at most (200 steps: every other one), even with no time between redraws.
        #expect(frames.filter { $0.contains("(one loop, seed 7), step") }.count == 100)
    }

    /// Two seeds at once (bound one inside the other, so the test needs no threads): both in the line, in short.
    @Test func seedsInParallelShareTheLine() {
        let lines = Lines()
        let progress = Progress(id: "c", terminal: true, columns: 200, refresh: 0, sink: lines.append)
        progress.measuring(1, of: 4) {
            SeedProgress.configuration(1, of: 2, "alpha")
            progress.measuring(2, of: 4) {
                SeedProgress.configuration(2, of: 2, "beta")
                SweepClaim.loop(10)
            }
        }
        let frames = lines.value.components(separatedBy: "\r\u{1B}[K")
        #expect(frames.contains("c: 0 of 4 done | seed 1: 1/2 (alpha) | seed 2: 2/2 (beta), step 10/10"))
        #expect(frames.last == "c: seed 1 measured (2 of 4)")
    }

    /// A narrow terminal: the label shrinks so that the numbers stay; narrower still, it goes; the line never wraps.
    @Test func theLineFitsTheWidth() {
        func frames(columns: Int) -> [String] {
            let lines = Lines()
            let progress = Progress(id: "c", terminal: true, columns: columns, refresh: 0, sink: lines.append)
            progress.measuring(3, of: 5) {
                SeedProgress.configuration(4, of: 6, "a rather long label for a configuration")
                SweepClaim.loop(10)
            }
            return lines.value.components(separatedBy: "\r\u{1B}[K")
        }
        let wide = frames(columns: 200), narrow = frames(columns: 70), narrower = frames(columns: 61)
        let narrowest = frames(columns: 45)
        #expect(wide.contains("c: seed 3 (0 of 5 done): configuration 4 of 6 (a rather long label for a configuration), "
                              + "step 10 of 10"))
        #expect(narrow.contains("c: seed 3 (0 of 5 done): configuration 4 of 6 (a rat…), step 10 of 10"))
        #expect(narrower.contains("c: seed 3 (0 of 5 done): configuration 4 of 6, step 10 of 10"))
        #expect(narrowest.contains { $0.hasPrefix("c: seed 3 (0 of 5 done): configuration 4") && $0.hasSuffix("…") })
        for (columns, frames) in [(70, narrow), (61, narrower), (45, narrowest)] {
            #expect(frames.allSatisfy { $0.count < columns })
        }
    }
}
