import Foundation
import Testing
@testable import Gnuplot

/// Real renders with the installed gnuplot (skipped when it is missing): every format is written,
/// well-formed, and byte-identical on rerun.
@Suite(.enabled(if: GnuplotRunner().isInstalled, "gnuplot is not installed (apt-get install gnuplot-nox)"))
struct RenderTests {
    @Test func writesScriptDataAndEveryFormat() throws {
        let folder = try TemporaryFolder()
        let rendered = try GnuplotRenderer().render(SnapshotFigures.logLinesWithBand(), named: "log-lines",
                                                    in: folder.url, formats: [.svg, .png, .pdf])
        #expect(rendered.script == folder.url.appendingPathComponent("figures/log-lines.gp"))
        #expect(rendered.data == folder.url.appendingPathComponent("data/log-lines.tsv"))
        #expect(rendered.caption == "Shrinks towards the input.")
        let svg = try Data(contentsOf: #require(rendered.outputs[.svg]))
        let png = try Data(contentsOf: #require(rendered.outputs[.png]))
        let pdf = try Data(contentsOf: #require(rendered.outputs[.pdf]))
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        // Unicode labels arrive as text in the SVG.
        #expect(String(decoding: svg, as: UTF8.self).contains("‖∂L/∂W_l‖"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
        // Nothing but the figure's files is left in the report folder.
        #expect(try folder.files() == ["data/log-lines.tsv", "figures/log-lines.gp", "figures/log-lines.pdf",
                                       "figures/log-lines.png", "figures/log-lines.svg"])
    }

    @Test func rendersOnlyTheRequestedFormats() throws {
        let folder = try TemporaryFolder()
        let rendered = try GnuplotRenderer().render(SnapshotFigures.barsWithTwinAxis(), named: "bars", in: folder.url,
                                                    formats: [.png])
        #expect(Set(rendered.outputs.keys) == [.png])
        #expect(try folder.files() == ["data/bars.tsv", "figures/bars.gp", "figures/bars.png"])
    }

    /// Two renders of the same figures, into two folders and again into the first, give the same bytes in
    /// every file (SVG, PNG, PDF, the LaTeX picture's .tex and .pdf, scripts, data).
    @Test func rerenderIsByteIdentical() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        let figures = [("log-lines", SnapshotFigures.logLinesWithBand()), ("histogram-grid", SnapshotFigures.histogramGrid()),
                       ("bars", SnapshotFigures.barsWithTwinAxis())]
        let renderer = GnuplotRenderer()
        for (name, figure) in figures {
            try renderer.render(figure, named: name, in: first.url)
            try renderer.render(figure, named: name, in: second.url)
        }
        let before = try first.contents()
        for (name, figure) in figures { try renderer.render(figure, named: name, in: first.url) }
        #expect(before.count == 24)
        #expect(try first.contents() == before)
        #expect(try second.contents() == before)
    }

    @Test func gridFigureRendersEveryPanel() throws {
        let folder = try TemporaryFolder()
        let rendered = try GnuplotRenderer().render(SnapshotFigures.histogramGrid(), named: "grid", in: folder.url,
                                                    formats: [.svg])
        let svg = try String(contentsOf: #require(rendered.outputs[.svg]), encoding: .utf8)
        for layer in 1...3 { #expect(svg.contains("layer \(layer)")) }
        #expect(svg.contains("width=\"460\" height=\"410\""))
    }
}

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gnuplot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Every file below the folder, as sorted relative paths (hidden staging folders included).
    func files() throws -> [String] {
        try contents().keys.sorted()
    }

    /// Every file below the folder with its bytes.
    func contents() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let prefix = url.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let file as URL in walker where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(file.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: file)
        }
        return result
    }
}
