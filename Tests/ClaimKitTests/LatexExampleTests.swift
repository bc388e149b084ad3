import Foundation
import Testing
@testable import ClaimKit

/// reports/latex/example.tex and every committed cairolatex figure compile with pdflatex (texlive-latex-base
/// alone), in place, with the output in a temporary folder. Skipped when pdflatex is not on PATH
/// (`apt-get install --no-install-recommends texlive-latex-base`).
@Suite(.enabled(if: LaTeX.pdflatex != nil, "pdflatex is not on PATH (apt-get install texlive-latex-base)"))
struct LatexExampleTests {
    /// The one-page note: a PDF of one page, no undefined macro, no missing file.
    @Test func exampleCompiles() throws {
        let run = try LaTeX.compile("example.tex", in: Repository.root.appendingPathComponent("reports/latex"))
        #expect(run.producedPDF, "no PDF; log:\n\(run.log.suffix(3000))")
        #expect(run.problems.isEmpty, "\(run.problems)")
        #expect(run.unwrappedLog.contains("example.pdf (1 page,"), "not one page")
        // The figures' pictures were read (not just their text), from the claim's figures/latex/ folder.
        for figure in ["sigmoid-and-derivative", "gradient-norm-per-layer"] {
            #expect(run.unwrappedLog.contains("<use ../sigmoid-vanishing-gradients/figures/latex/"), "no picture read")
            #expect(run.unwrappedLog.contains("/\(figure).pdf>"), "\(figure).pdf not read")
        }
    }

    /// A document with every committed figure through \ClaimFigure and every macro of claims.tex.
    @Test func everyFigureAndMacroCompiles() throws {
        let reports = Repository.root.appendingPathComponent("reports")
        let claims = try ClaimCatalogue.discover(in: Repository.root.appendingPathComponent("experiments"))
        var body = ""
        for claim in claims {
            let result = try ClaimResult.read(claim: claim.id, in: reports)
            #expect(result.formats.contains("latex"), "\(claim.id) has no LaTeX figures: run `make \(claim.id)`")
            for figure in result.figures {
                let tex = reports.appendingPathComponent("\(claim.id)/figures/latex/\(figure).tex")
                let text = try String(contentsOf: tex, encoding: .utf8)
                let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
                #expect(ascii, "\(tex.path) is not ASCII")
                body += "\\ClaimFigure{\(claim.id)}{\(figure)}\\clearpage\n"
            }
            for macro in LatexMacros.macros(for: result) { body += "\\\(macro.name){} " }
            body += "\n\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("latex-all-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The document lives in a temporary folder (the tree stays clean) and reaches the reports by an absolute
        // \ClaimsReports.
        let document = """
            \\documentclass[a4paper]{article}
            \\usepackage{graphicx}
            \\usepackage{color}
            \\newcommand\\ClaimsReports{\(reports.path)/}
            \\input{\(reports.path)/claims.tex}
            \\begin{document}
            \(body)
            \\end{document}

            """
        try document.write(to: folder.appendingPathComponent("all.tex"), atomically: true, encoding: .utf8)
        let run = try LaTeX.compile("all.tex", in: folder)
        #expect(run.producedPDF, "no PDF; log:\n\(run.log.suffix(3000))")
        #expect(run.problems.isEmpty, "\(run.problems)")
    }
}

/// pdflatex, found on PATH, run non-interactively.
enum LaTeX {
    static let pdflatex: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pdflatex")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    struct Run {
        let producedPDF: Bool
        let log: String
        /// The log without TeX's line breaks at 79 characters (a long path is split over lines).
        var unwrappedLog: String { log.replacingOccurrences(of: "\n", with: "") }
        /// Lines of the log that mean the document is wrong: errors, undefined control sequences, missing files,
        /// unknown characters.
        var problems: [String] {
            log.components(separatedBy: "\n").filter { line in
                line.hasPrefix("!") || line.contains("Undefined control sequence") || line.contains("not found")
                    || line.contains("Missing character") || line.contains("undefined")
            }
        }
    }

    /// Compiles `file` in `directory` (its relative paths resolve there) with the output in a temporary folder,
    /// removed afterwards.
    static func compile(_ file: String, in directory: URL) throws -> Run {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pdflatex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        guard let pdflatex else { return Run(producedPDF: false, log: "pdflatex is not on PATH") }
        process.executableURL = pdflatex
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-output-directory", output.path, file]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let base = (file as NSString).deletingPathExtension
        let log = (try? String(contentsOf: output.appendingPathComponent("\(base).log"), encoding: .utf8)) ?? ""
        let pdf = output.appendingPathComponent("\(base).pdf")
        return Run(producedPDF: FileManager.default.fileExists(atPath: pdf.path), log: log)
    }
}
