import Foundation
import Testing
@testable import Gnuplot

/// Failures throw a one-line ``GnuplotError`` and leave the report folder as it was.
@Suite struct ErrorTests {
    @Test func missingGnuplotSaysHowToInstallIt() throws {
        let folder = try TemporaryFolder()
        let renderer = GnuplotRenderer(executable: URL(fileURLWithPath: "/nonexistent/bin/gnuplot"))
        #expect(!renderer.runner.isInstalled)
        let error = try #require(throws: GnuplotError.self) {
            try renderer.render(SnapshotFigures.logLinesWithBand(), named: "log-lines", in: folder.url)
        }
        #expect(error == .notInstalled(executable: "/nonexistent/bin/gnuplot"))
        #expect(error.description.contains("apt-get install gnuplot-nox"))
        #expect(!error.description.contains("\n"))
        #expect(try folder.files().isEmpty)
    }

    @Test(.enabled(if: GnuplotRunner().isInstalled))
    func brokenExpressionNamesGnuplotsLineAndLeavesNoFile() throws {
        let folder = try TemporaryFolder()
        var figure = SnapshotFigures.logLinesWithBand()
        figure.add(.referenceLine(.function("undefined_slope(x) +"), label: "broken"))
        let error = try #require(throws: GnuplotError.self) {
            try GnuplotRenderer().render(figure, named: "broken", in: folder.url)
        }
        guard case let .scriptFailed(script, line, lineText, message) = error else {
            Issue.record("expected scriptFailed, got \(error)")
            return
        }
        #expect(script == "broken.gp")
        #expect(line != nil)
        #expect(lineText == "curve1(x) = undefined_slope(x) +")
        #expect(!message.isEmpty)
        #expect(error.description.contains("undefined_slope(x) +"))
        #expect(!error.description.contains("\n"))
        // No 0-byte or partial output, no script, no staging folder.
        #expect(try folder.files().isEmpty)
    }

    @Test(.enabled(if: GnuplotRunner().isInstalled))
    func failedRerenderKeepsThePreviousFigure() throws {
        let folder = try TemporaryFolder()
        let renderer = GnuplotRenderer()
        try renderer.render(SnapshotFigures.logLinesWithBand(), named: "figure", in: folder.url)
        let before = try folder.contents()
        var broken = SnapshotFigures.logLinesWithBand()
        broken.add(.referenceLine(.function("1/"), label: nil))
        #expect(throws: GnuplotError.self) { try renderer.render(broken, named: "figure", in: folder.url) }
        #expect(try folder.contents() == before)
    }

    @Test(arguments: ["", "Loss", "loss_curve", "loss--curve", "-loss", "loss-", "loss curve", "lóss"])
    func nonKebabNamesAreRejected(name: String) throws {
        #expect(throws: GnuplotError.invalidName(name)) {
            try GnuplotRenderer().files(for: SnapshotFigures.logLinesWithBand(), named: name)
        }
    }

    @Test(arguments: ["loss", "gradient-norm-per-layer", "fig-2b"])
    func kebabNamesAreAccepted(name: String) throws {
        _ = try GnuplotRenderer().files(for: SnapshotFigures.logLinesWithBand(), named: name)
    }

    @Test func gnuplotMessageIsParsedIntoLineAndText() throws {
        let folder = try TemporaryFolder()
        try "set title 'a'\nplot foo(x)\n".write(to: folder.url.appendingPathComponent("bad.gp"), atomically: true, encoding: .utf8)
        // A fake gnuplot: prints gnuplot's message format to stderr and fails.
        let fake = folder.url.appendingPathComponent("fake-gnuplot")
        try "#!/bin/sh\necho '\"bad.gp\" line 2: undefined function: foo' >&2\nexit 1\n"
            .write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let error = try #require(throws: GnuplotError.self) {
            try GnuplotRunner(executable: fake).run(script: "bad.gp", in: folder.url)
        }
        #expect(error == .scriptFailed(script: "bad.gp", line: 2, lineText: "plot foo(x)", message: "undefined function: foo"))
    }
}
