import ArgumentParser
import Gnuplot
import Testing
@testable import ClaimKit

@Suite struct ExperimentOptionsTests {
    @Test func defaults() throws {
        let options = try ExperimentOptions.parse([])
        #expect(!options.quick)
        #expect(options.output == "reports")
        #expect(options.formats == [.svg, .png, .pdf, .latex])
        #expect(options.seedList(quickSeedCount: 1) == [0, 1, 2, 3, 4])
    }

    @Test func quickUsesTheExperimentsSeedCount() throws {
        #expect(try ExperimentOptions.parse(["--quick"]).seedList(quickSeedCount: 2) == [0, 1])
        #expect(try ExperimentOptions.parse(["--quick", "--seeds", "3"]).seedList(quickSeedCount: 2) == [0, 1, 2])
    }

    @Test func formatsParse() throws {
        #expect(try ExperimentOptions.parse(["--formats", "png,svg"]).formats == [.png, .svg])
        #expect(try ExperimentOptions.parse(["--formats", "latex"]).formats == [.latex])
    }

    @Test(arguments: [
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--seeds=-2"], "--seeds must be at least 1"),
        (["--formats", "svg,gif"], "unknown format 'gif'"),
        (["--seeds", "many"], "many"),
        (["--frobnicate"], "frobnicate"),
    ])
    func badInputGivesAClearMessage(arguments: [String], expected: String) {
        do {
            _ = try ExperimentOptions.parse(arguments)
            Issue.record("\(arguments) parsed without error")
        } catch {
            let message = ExperimentOptions.message(for: error)
            #expect(message.contains(expected), "\(arguments): \(message)")
            #expect(!message.contains("\n"), "one line: \(message)")
        }
    }
}
