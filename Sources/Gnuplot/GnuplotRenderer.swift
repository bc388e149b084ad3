import Foundation

/// Turns a ``Figure`` into files: `D/data/N.tsv`, `D/figures/N.gp`, and the rendered `D/figures/N.{svg,png,pdf}`;
/// with the `latex` format also `D/figures/latex/N.{gp,tex,pdf}` (cairolatex, drawn by a script of its own).
///
/// ```swift
/// let files = try GnuplotRenderer().render(figure, named: "gradient-norm-per-layer", in: reportFolder,
///                                          formats: [.svg, .png, .pdf])
/// files.outputs[.png]   // reportFolder/figures/gradient-norm-per-layer.png
/// ```
///
/// `cd D/figures && gnuplot N.gp` reproduces the images by hand (`cd D/figures/latex && gnuplot N.gp` the LaTeX
/// picture). Rendering is all-or-nothing: the files are made in a staging folder inside `D` and renamed into place
/// only when gnuplot succeeded and wrote every format, so a failed render leaves `D` as it was (no 0-byte or half-written figure). Reruns are
/// byte-identical: fixed number formats, no timestamps, and the PDF's creation date set to the epoch
/// (see ``PDFDates``).
public struct GnuplotRenderer: Sendable {
    /// Runs gnuplot.
    public let runner: GnuplotRunner
    /// The look of every figure.
    public let style: HouseStyle

    /// A renderer using gnuplot at `executable` (by default found on `PATH`) and the house style.
    public init(executable: URL? = nil, style: HouseStyle = .lectureNotes) {
        self.runner = GnuplotRunner(executable: executable)
        self.style = style
    }

    /// The script and data text of `figure` as they would be written, without touching the disk.
    public func files(for figure: Figure, named name: String,
                      formats: Set<OutputFormat> = Set(OutputFormat.allCases)) throws -> GnuplotFiles {
        try Self.checkName(name)
        let data = DataWriter().write(figure, named: name)
        let script = ScriptWriter(style: style).script(for: figure, named: name,
                                                       formats: formats.sorted().filter { $0 != .latex },
                                                       blocks: data.blocks)
        let latexScript = formats.contains(.latex)
            ? ScriptWriter(style: style, latex: true).script(for: figure, named: name, formats: [.latex],
                                                             blocks: data.blocks)
            : nil
        return GnuplotFiles(script: script, data: data.text, latexScript: latexScript)
    }

    /// Writes and renders `figure` as `name` into the report folder `folder` (created if missing).
    ///
    /// - Throws: ``GnuplotError`` when the name is not kebab-case, gnuplot is missing or fails, or a file
    ///   cannot be written; `folder` is then left as it was.
    @discardableResult
    public func render(_ figure: Figure, named name: String, in folder: URL,
                       formats: Set<OutputFormat> = Set(OutputFormat.allCases)) throws -> RenderedFigure {
        let files = try self.files(for: figure, named: name, formats: formats)
        guard runner.isInstalled else { throw GnuplotError.notInstalled(executable: runner.executable.path) }

        let fileManager = FileManager.default
        let figures = folder.appendingPathComponent("figures"), data = folder.appendingPathComponent("data")
        let staging = folder.appendingPathComponent(".gnuplot-staging-\(name)-\(UUID().uuidString)")
        let stagedFigures = staging.appendingPathComponent("figures"), stagedData = staging.appendingPathComponent("data")
        let latexFolder = OutputFormat.latexFolder
        defer { try? fileManager.removeItem(at: staging) }
        try Self.attempt(folder.path) {
            var directories = [figures, data, stagedFigures, stagedData]
            if files.latexScript != nil {
                directories += [figures.appendingPathComponent(latexFolder), stagedFigures.appendingPathComponent(latexFolder)]
            }
            for directory in directories {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            try Data(files.script.utf8).write(to: stagedFigures.appendingPathComponent("\(name).gp"))
            try Data(files.data.utf8).write(to: stagedData.appendingPathComponent("\(name).tsv"))
            if let latexScript = files.latexScript {
                try Data(latexScript.utf8).write(to: stagedFigures.appendingPathComponent("\(latexFolder)/\(name).gp"))
            }
        }

        let sorted = formats.sorted()
        if sorted.contains(where: { $0 != .latex }) { try runner.run(script: "\(name).gp", in: stagedFigures) }
        if files.latexScript != nil {
            try runner.run(script: "\(name).gp", in: stagedFigures.appendingPathComponent(latexFolder))
        }

        // Every rendered file, relative to figures/: cairolatex's picture (latex/<name>.pdf) beside its .tex.
        var produced = sorted.map { $0.file(named: name) }
        if sorted.contains(.latex) { produced.append("\(latexFolder)/\(name).pdf") }
        for file in produced {
            let staged = stagedFigures.appendingPathComponent(file)
            let size = (try? fileManager.attributesOfItem(atPath: staged.path)[.size] as? Int) ?? nil
            guard let size, size > 0 else {
                throw GnuplotError.missingOutput(path: figures.appendingPathComponent(file).path)
            }
            if file.hasSuffix(".pdf") {
                try Self.attempt(staged.path) {
                    try PDFDates.neutralised(try Data(contentsOf: staged)).write(to: staged)
                }
            }
        }

        var moves = [(stagedData.appendingPathComponent("\(name).tsv"), data.appendingPathComponent("\(name).tsv")),
                     (stagedFigures.appendingPathComponent("\(name).gp"), figures.appendingPathComponent("\(name).gp"))]
        if files.latexScript != nil { produced.append("\(latexFolder)/\(name).gp") }
        for file in produced {
            moves.append((stagedFigures.appendingPathComponent(file), figures.appendingPathComponent(file)))
        }
        var outputs: [OutputFormat: URL] = [:]
        for format in sorted { outputs[format] = figures.appendingPathComponent(format.file(named: name)) }
        for (from, to) in moves {
            // rename(2) replaces the destination atomically (both are in `folder`, so on one file system).
            guard rename(from.path, to.path) == 0 else {
                throw GnuplotError.fileSystem(path: to.path, reason: String(cString: strerror(errno)))
            }
        }
        return RenderedFigure(script: figures.appendingPathComponent("\(name).gp"),
                              data: data.appendingPathComponent("\(name).tsv"),
                              outputs: outputs, caption: figure.caption)
    }

    /// Kebab-case: lower-case ASCII letters and digits in runs joined by single hyphens.
    static func checkName(_ name: String) throws {
        let runs = name.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && runs.allSatisfy { run in
            !run.isEmpty && run.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        guard valid else { throw GnuplotError.invalidName(name) }
    }

    private static func attempt(_ path: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as GnuplotError {
            throw error
        } catch {
            throw GnuplotError.fileSystem(path: path, reason: error.localizedDescription)
        }
    }
}

/// The text of a figure's script and data file, as ``GnuplotRenderer/render(_:named:in:formats:)`` writes them.
public struct GnuplotFiles: Sendable, Equatable {
    /// The content of `figures/<name>.gp` (every format but `latex`).
    public let script: String
    /// The content of `data/<name>.tsv`.
    public let data: String
    /// The content of `figures/latex/<name>.gp` when the `latex` format is asked for.
    public let latexScript: String?
}

/// The files of one rendered figure.
public struct RenderedFigure: Sendable, Equatable {
    /// `figures/<name>.gp`.
    public let script: URL
    /// `data/<name>.tsv`.
    public let data: URL
    /// `figures/<name>.<format>` for each rendered format (`figures/latex/<name>.tex` for `latex`).
    public let outputs: [OutputFormat: URL]
    /// The figure's caption, for the report.
    public let caption: String
}
