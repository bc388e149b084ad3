import Foundation
import Gnuplot
import Reporting
import Testing
@testable import ClaimKit

/// A made-up claim run end to end through `ClaimExperiment.execute`: measured, judged, then written.
struct TinyClaim: ClaimExperiment {
    struct Settings: Sendable { var scale = 0.1 }
    static let full = Settings(), quick = Settings(scale: 0.2)
    struct Metrics: SeedMetrics { var x = 0.0 }
    struct Extra: SeedMetrics { var y = 0.0 }
    nonisolated(unsafe) static var reportTemplate: URL?
    static let rules = [Rule("x-small", \Metrics.x, .lessThan(1))]

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        Outcome(claim: Metrics(x: settings.scale * Double(seed)), control: Metrics(x: 5), extra: Extra(y: -Double(seed)))
    }

    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        var figure = Figure(title: "x per seed")
        figure.add(.linePoints(x: run.seeds.map(Double.init), y: run.claim(\.x), label: "x"))
        return [NamedFigure("x-per-seed", figure)]
    }

    static let template = """
        ---
        id: tiny-claim
        code: A9
        title: Tiny things stay small
        statement: "x stays below 1."
        expected: reproduced
        source: {note: n.txt, quote: "원문", english: original, lecture: Lecture, paper: Paper}
        control: {description: x forced to 5, mustBe: rejected}
        metrics: {x: "the x", y: "the y"}
        rules: {x-small: {preregistered: "x < 1"}}
        ---
        ## In one sentence
        x is {{claim.x}} (range {{claim.x.range}}), y is {{extra.y}}{{#held.x-small}}, and the rule held{{/held.x-small}}.

        ## Take-home
        x = {{claim.x.mean}}.

        ## Figure: x-per-seed
        x for each seed, the largest {{claim.x.max}}.
        """
}

@Suite(.serialized) struct ExperimentLifecycleTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func useTemplate(_ text: String, in folder: URL) throws {
        let url = folder.appendingPathComponent("report.md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        TinyClaim.reportTemplate = url
    }

    @Test func writesJudgedReportAndResult() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.useTemplate(TinyClaim.template, in: root)
        let output = root.appendingPathComponent("out")
        try TinyClaim.execute(try ExperimentOptions.parse(["--output", output.path, "--seeds", "3", "--formats", "svg"]))
        let page = try String(contentsOf: output.appendingPathComponent("tiny-claim/README.md"), encoding: .utf8)
        #expect(page.contains("x is 0.10 ± 0.10 (range 0–0.200), y is −1.0 ± 1.0, and the rule held."))
        #expect(page.contains("*Figure 1 — x for each seed, the largest 0.200.*"))
        #expect(page.contains("## Pre-registered rules and deviations"))
        let result = try ClaimResult.read(from: output.appendingPathComponent("tiny-claim/result.json"))
        #expect(result.verdict == .reproduced && result.preregisteredVerdict == .reproduced)
        #expect(result.takeHome == "x = 0.100.")
        #expect(result.claimMetrics["x"]?.values == [0, 0.1, 0.2])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tiny-claim/figures/x-per-seed.svg").path))
        #expect(TinyClaim.templateProblems().isEmpty)
    }

    @Test func rerunIsByteIdentical() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.useTemplate(TinyClaim.template, in: root)
        let options = try ExperimentOptions.parse(["--output", root.appendingPathComponent("out").path, "--formats", "svg,png"])
        func files() throws -> [String: Data] {
            let folder = root.appendingPathComponent("out/tiny-claim")
            let names = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
            return try Dictionary(uniqueKeysWithValues: names.filter { $0.contains(".") }.map {
                ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
            })
        }
        try TinyClaim.execute(options)
        let first = try files()
        try TinyClaim.execute(options)
        #expect(try files() == first)
    }

    @Test func aMisspeltPlaceholderFailsAndKeepsThePreviousReport() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.useTemplate(TinyClaim.template, in: root)
        let output = root.appendingPathComponent("out")
        let options = try ExperimentOptions.parse(["--output", output.path, "--formats", "svg"])
        try TinyClaim.execute(options)
        let before = try Data(contentsOf: output.appendingPathComponent("tiny-claim/README.md"))
        try Self.useTemplate(TinyClaim.template.replacingOccurrences(of: "{{claim.x.mean}}", with: "{{claim.xx.mean}}"),
                             in: root)
        #expect(TinyClaim.templateProblems().contains { $0.contains("claim.xx.mean") })
        #expect(throws: ClaimError.self) { try TinyClaim.execute(options) }
        #expect(try Data(contentsOf: output.appendingPathComponent("tiny-claim/README.md")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["tiny-claim"])
    }

    @Test func aMetricWithoutALabelIsAProblem() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.useTemplate(TinyClaim.template.replacingOccurrences(of: "metrics: {x: \"the x\", y: \"the y\"}",
                                                                     with: "metrics: {x: \"the x\"}"), in: root)
        #expect(TinyClaim.templateProblems() == ["metric 'y' has no label under metrics:"])
    }
}

/// A claim whose seeds take different times and one of which fails: `measureSeeds` on several threads must return
/// the outcomes in seed order, equal to one seed at a time, and rethrow the first failing seed's error.
struct SlowSeedsClaim: ClaimExperiment {
    struct Settings: Sendable { var failing: Set<Int> = [] }
    static let full = Settings(), quick = Settings()
    struct Metrics: SeedMetrics { var x = 0.0 }
    static let reportTemplate: URL? = nil
    static let rules = [Rule("x-small", \Metrics.x, .lessThan(1))]
    struct Failed: Error, Equatable { let seed: Int }

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, NoExtra> {
        if settings.failing.contains(seed) { throw Failed(seed: seed) }
        Thread.sleep(forTimeInterval: Double((7 * seed) % 5) * 0.002)   // finish out of order
        return Outcome(claim: Metrics(x: Double(seed).squareRoot()), control: Metrics(x: -Double(seed)), extra: NoExtra())
    }
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [] }
}

@Suite struct ParallelSeedsTests {
    @Test func outcomesComeBackInSeedOrder() throws {
        let seeds = Array(10..<23)
        let outcomes = try SlowSeedsClaim.measureSeeds(seeds, settings: .init(), inputs: (), progress: Progress(id: "slow", terminal: false, sink: { _ in }))
        #expect(outcomes.map(\.claim.x) == seeds.map { Double($0).squareRoot() })
        #expect(outcomes.map(\.control.x) == seeds.map { -Double($0) })
    }

    @Test func theFirstFailingSeedIsReported() {
        #expect(throws: SlowSeedsClaim.Failed(seed: 12)) {
            try SlowSeedsClaim.measureSeeds(Array(10..<20), settings: .init(failing: [12, 17]), inputs: (), progress: Progress(id: "slow", terminal: false, sink: { _ in }))
        }
    }
}

/// Progress: one line per stage in a log, one self-rewriting line on a terminal; the seed count is exact with seeds
/// finishing on several threads.
@Suite struct ProgressTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.withLock { text += s } }
        var value: String { lock.withLock { text } }
    }

    @Test func aLogGetsOneLinePerStage() throws {
        let lines = Lines()
        let progress = Progress(id: "c", terminal: false, sink: lines.append)
        _ = try SlowSeedsClaim.measureSeeds(Array(0..<6), settings: .init(), inputs: (), progress: progress)
        progress.stage("judging")
        let text = lines.value
        #expect(text.hasPrefix("c: measuring 6 seeds"))
        #expect(text.contains("(6 of 6)\n") && text.hasSuffix("c: judging\n"))
        #expect(!text.contains("\r"))
    }

    @Test func aTerminalGetsOneRewrittenLine() {
        let lines = Lines()
        let progress = Progress(id: "c", terminal: true, sink: lines.append)
        progress.stage("a")
        progress.stage("b")
        progress.finish()
        #expect(lines.value == "\r\u{1B}[Kc: a\r\u{1B}[Kc: b\r\u{1B}[K")
    }
}
