/// Writes the gnuplot script of a figure: house style once, the plot's settings, then one pass per
/// requested format (`do for [format in "svg png pdf"] { … }`) that sets the terminal and draws.
///
/// The script reads its data from `../data/<name>.tsv` (see ``DataWriter``) and writes `<name>.<format>`
/// beside itself, so `cd figures && gnuplot <name>.gp` reproduces every file. A one-plot figure sets its
/// axes once, before the loop; a grid repeats its panels inside the loop (gnuplot cannot `replot` a
/// multiplot), each panel stating all its settings so nothing leaks from the panel before.
/// Every text from the figure is drawn `noenhanced` (verbatim); tic labels stay enhanced so log₁₀ axes
/// read 10⁻⁵.
///
/// The `latex` format has a script of its own, `figures/latex/<name>.gp` (``latex`` true): the same settings and
/// plot, but every text written as LaTeX source (``LatexText``) and tic labels in math mode (`$10^{-3}$`,
/// `$-0.5$`), read from `../../data/<name>.tsv`.
struct ScriptWriter {
    let style: HouseStyle
    /// Whether this is the `latex` format's script: text as LaTeX source, no other format.
    var latex = false

    func script(for figure: Figure, named name: String, formats: [OutputFormat], blocks: [[Int?]]) -> String {
        let plots = figure.plots
        let slots = plots.map(Self.paletteSlots)
        let folder = latex ? "figures/\(OutputFormat.latexFolder)" : "figures"
        let dataPath = (latex ? "../../data/" : "../data/") + "\(name).tsv"
        var lines = [
            "# \(name).gp — figure written by the Gnuplot module of LectureClaims (\"\(GnuplotText.comment(figure.title ?? name))\").",
            latex ? "# Reproduce: cd \(folder) && gnuplot \(name).gp   (writes \(name).tex and the \(name).pdf it includes;"
                + " \\input it with \\graphicspath{{<this folder>/}})"
                : "# Reproduce: cd \(folder) && gnuplot \(name).gp   (writes \(formats.map { "\(name).\($0.fileExtension)" }.joined(separator: ", ")))",
            "# Data: \(dataPath), one block per series, read with `index k`.",
            "set encoding utf8",
            latex ? "# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there)."
                : "set minussign   # tick labels with a real minus sign (U+2212), as the reports' text",
            "data = \(GnuplotText.quoted(dataPath))",
            "",
        ]
        lines += houseStyle(slotCount: (slots.flatMap { $0.compactMap { $0 } }.max() ?? -1) + 1)
        lines.append("")
        let size = pixelSize(of: figure)
        let formatList = formats.map(\.rawValue).joined(separator: " ")
        if let grid = figure.grid {
            lines.append("do for [format in \(GnuplotText.quoted(formatList))] {")
            lines += terminals(formats, size: size, name: name).map { "    " + $0 }
            let title = figure.title.map { " title \(quoted($0)) noenhanced" } ?? ""
            lines.append("    set multiplot layout \(grid.rows),\(grid.columns)\(title)")
            for (p, panel) in grid.panels.enumerated() {
                lines.append("    # Panel \(p + 1) of \(grid.panels.count) (row \(p / grid.columns + 1), column \(p % grid.columns + 1))")
                lines += settings(of: panel, ticCount: panelTicCount).map { "    " + $0 }
                lines += plotCommand(panel, slots: slots[p], blocks: blocks[p]).map { "    " + $0 }
            }
            lines += ["    unset multiplot", "    unset output", "}"]
        } else {
            lines += settings(of: figure, ticCount: nil)
            lines.append("")
            lines.append("do for [format in \(GnuplotText.quoted(formatList))] {")
            lines += terminals(formats, size: size, name: name).map { "    " + $0 }
            lines += plotCommand(figure, slots: slots[0], blocks: blocks[0]).map { "    " + $0 }
            lines += ["    unset output", "}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The SVG size of the figure: its own, the house size, or for a grid the panel size times the grid.
    func pixelSize(of figure: Figure) -> PixelSize {
        if let size = figure.size { return size }
        guard let grid = figure.grid else { return style.figureSize }
        return PixelSize(width: grid.columns * style.panelSize.width,
                         height: grid.rows * style.panelSize.height + (figure.title == nil ? 0 : style.gridTitleHeight))
    }

    // MARK: - House style

    private func houseStyle(slotCount: Int) -> [String] {
        var lines = ["# House style (HouseStyle.lectureNotes): palette slots 1…\(max(slotCount, 1)),"
            + " reference lines \(style.referenceLineStyle(0))…\(style.referenceLineStyle(style.referenceDashes.count - 1))."]
        for slot in 0..<slotCount {
            lines.append("set style line \(style.lineStyle(slot)) lc rgb \"\(style.colour(slot))\" lw \(GnuplotText.number(style.lineWidth))"
                + " dt \(style.dashes[slot % style.dashes.count]) pt \(style.pointTypes[slot % style.pointTypes.count])"
                + " ps \(GnuplotText.number(style.pointSize))")
        }
        for (index, dash) in style.referenceDashes.enumerated() {
            lines.append("set style line \(style.referenceLineStyle(index)) lc rgb \"\(style.referenceColour)\""
                + " lw \(GnuplotText.number(style.lineWidth * 0.75)) dt \(dash)")
        }
        lines.append("set border lc rgb \"\(style.axisColour)\" back")
        lines.append("set tics textcolor rgb \"\(style.axisColour)\" scale 0.6, 0.3")
        lines.append("set grid back lt 1 lc rgb \"\(style.gridColour)\" lw 1 dt solid")
        lines.append("set style fill solid border")
        lines.append("set samples 400")
        let stops = style.colourMap.map { "\(GnuplotText.number($0.position)) \"\($0.colour)\"" }.joined(separator: ", ")
        lines.append("set palette defined (\(stops))")
        return lines
    }

    // MARK: - One plot's settings

    /// About how many tic intervals a grid panel gets along x and y (gnuplot's own choice crowds small panels).
    private var panelTicCount: (x: Int, y: Int) {
        (max(2, style.panelSize.width / 60), max(2, style.panelSize.height / 45))
    }

    private func settings(of plot: Figure, ticCount: (x: Int, y: Int)?) -> [String] {
        let y2 = twinAxis(of: plot)
        let hasBars = plot.series.contains { if case .bars = $0.mark { true } else { false } }
        let hasHeatmap = plot.series.contains { if case .heatmap = $0.mark { true } else { false } }
        var lines: [String] = []
        lines.append(text("title", plot.title))
        lines.append(text("xlabel", plot.x.label))
        lines.append(text("ylabel", plot.y.label))
        lines.append(text("y2label", y2?.label))
        lines.append(text("cblabel", hasHeatmap ? plot.colorbar.label : nil))
        lines.append("unset logscale")
        for (axis, name) in [(plot.x, "x"), (plot.y, "y"), (y2, "y2"), (hasHeatmap ? plot.colorbar : nil, "cb")] {
            if let base = axis?.scale.logBase { lines.append("set logscale \(name) \(base)") }
            lines.append("set format \(name) \(axis?.ticks == nil ? ticFormat(axis?.scale ?? .linear) : mathQuoted("% g"))")
        }
        let barCount = BarGeometry(plot: plot).categories.count
        let xExtent = DataExtent(of: plot, along: .x), yExtent = DataExtent(of: plot, along: .y)
        lines += range("x", plot.x.range, fix: hasHeatmap,
                       default: hasBars ? AxisRange.between(-0.6, Double(barCount) - 0.4) : nil)
        // Bars and histograms stand on 0: keep it in view unless the axis is logarithmic or fixed.
        let hasBoxes = hasBars || plot.series.contains { if case .histogram = $0.mark { true } else { false } }
        let baseline = hasBoxes && plot.y.scale == .linear && (yExtent?.lower ?? 0) >= 0 ? AxisRange.from(0) : nil
        lines += range("y", plot.y.range, fix: hasHeatmap, default: baseline)
        lines += range("y2", y2?.range ?? .automatic, fix: false)
        lines += range("cb", plot.colorbar.range, fix: false)
        if hasBars {
            let categories = BarGeometry(plot: plot).categories.enumerated()
                .map { "\(quoted($1)) \($0)" }.joined(separator: ", ")
            lines.append("set xtics (\(categories)) noenhanced nomirror out")
        } else {
            lines.append("set xtics \(ticStep(plot.x, xExtent, ticCount?.x)) enhanced nomirror out")
        }
        lines.append("set ytics \(ticStep(plot.y, yExtent, ticCount?.y)) enhanced nomirror out")
        lines.append(y2 == nil ? "unset y2tics" : "set y2tics autofreq enhanced nomirror out")
        lines.append("set border \(y2 == nil ? 3 : 11)")
        lines.append(hasBars || hasHeatmap ? "set grid noxtics ytics" : "set grid xtics ytics")
        lines.append(hasHeatmap ? "set colorbox" : "unset colorbox")
        lines.append(key(plot))
        lines.append("unset arrow")
        var arrow = 0, curve = 0
        let references = Self.referenceNumbers(of: plot)
        for (index, series) in plot.series.enumerated() {
            guard case let .reference(line) = series.mark else { continue }
            let y = series.yAxis == .y2 ? "second" : "first"
            let from: String, to: String
            switch line {
            case let .horizontal(value):
                from = "graph 0, \(y) \(GnuplotText.number(value))"
                to = "graph 1, \(y) \(GnuplotText.number(value))"
            case let .vertical(value):
                from = "first \(GnuplotText.number(value)), graph 0"
                to = "first \(GnuplotText.number(value)), graph 1"
            case .segment:
                continue
            case let .function(expression):
                // Defined on its own line, so gnuplot names this line when the expression does not parse.
                curve += 1
                lines.append("curve\(curve)(x) = \(expression)")
                continue
            }
            arrow += 1
            lines.append("set arrow \(arrow) from \(from) to \(to) nohead back \(referenceStyle(series, references[index]))")
        }
        return lines
    }

    /// Tic labels: powers of ten as 10⁻³ on log₁₀ axes, plain numbers (16, 0.5) on log₂ axes,
    /// gnuplot's default elsewhere (1×10⁻⁵ only for very small or large values).
    /// In the `latex` script the same formats in math mode.
    private func ticFormat(_ scale: AxisScale) -> String {
        switch scale {
        case .linear: mathQuoted("% h")
        case .log10: mathQuoted("10^{%L}")
        case .log2: mathQuoted("% g")
        }
    }

    /// A tic format as a gnuplot string, in math mode (`"$% h$"`) in the `latex` script.
    private func mathQuoted(_ format: String) -> String {
        GnuplotText.quoted(latex ? "$\(format)$" : format)
    }

    /// A figure's text as a gnuplot string: verbatim, or as LaTeX source in the `latex` script.
    func quoted(_ text: String) -> String {
        GnuplotText.quoted(latex ? LatexText.escaped(text) : text)
    }

    /// `autofreq`, or for a panel's linear axis a step giving about `count` intervals over its range.
    private func ticStep(_ axis: Axis, _ extent: DataExtent?, _ count: Int?) -> String {
        if let ticks = axis.ticks { return "(" + ticks.map(GnuplotText.number).joined(separator: ", ") + ")" }
        guard let count, axis.scale == .linear,
              let lower = axis.range.lower ?? extent?.lower, let upper = axis.range.upper ?? extent?.upper,
              let step = DataExtent.niceStep(from: lower, to: upper, count: count)
        else { return "autofreq" }
        return GnuplotText.number(step)
    }

    private func text(_ setting: String, _ value: String?) -> String {
        guard let value else { return "unset \(setting)" }
        return "set \(setting) \(quoted(value)) noenhanced"
    }

    private func range(_ axis: String, _ range: AxisRange, fix: Bool, default fallback: AxisRange? = nil) -> [String] {
        let range = range.isAutomatic ? (fallback ?? range) : range
        let end = { (value: Double?) in value.map(GnuplotText.number) ?? "*" }
        var lines = ["set \(axis)range [\(end(range.lower)):\(end(range.upper))]"]
        if range.isAutomatic && fix { lines.append("set autoscale \(axis)fix") }
        return lines
    }

    /// The right-hand axis when the plot has one, or when a series asks for it.
    private func twinAxis(of plot: Figure) -> Axis? {
        plot.y2 ?? (plot.series.contains { $0.yAxis == .y2 } ? Axis() : nil)
    }

    private func key(_ plot: Figure) -> String {
        let labelled = plot.series.contains { $0.label != nil }
        let common = "reverse Left samplen 2.5 spacing 1.1 noenhanced"
        let boxed = "box lc rgb \"\(style.gridColour)\" opaque"
        switch (labelled, plot.legend) {
        case (false, _), (_, .hidden): return "unset key"
        case (_, .topLeft): return "set key top left inside \(common) \(boxed)"
        case (_, .topRight): return "set key top right inside \(common) \(boxed)"
        case (_, .bottomLeft): return "set key bottom left inside \(common) \(boxed)"
        case (_, .bottomRight): return "set key bottom right inside \(common) \(boxed)"
        case (_, .outsideRight): return "set key outside right top vertical \(common) nobox"
        // `height 1`: a line of space between the x-axis label and the first row of the key.
        case (_, .below): return "set key below center horizontal \(common) nobox height 1"
        }
    }

    // MARK: - The plot command

    /// Draws heatmaps first, then bands, then histograms and bars, then lines, points and reference lines,
    /// each group in the order added, so nothing filled hides a line.
    private func plotCommand(_ plot: Figure, slots: [Int?], blocks: [Int?]) -> [String] {
        var layers: [[String]] = Array(repeating: [], count: 4)
        var curve = 0
        let references = Self.referenceNumbers(of: plot)
        for (s, series) in plot.series.enumerated() {
            if case .reference(.function) = series.mark { curve += 1 }
            let (layer, element) = self.element(series, slot: slots[s], block: blocks[s], curve: curve,
                                                reference: references[s])
            if let element { layers[layer].append(element) }
        }
        let elements = layers.flatMap { $0 }
        guard !elements.isEmpty else { return ["plot NaN notitle"] }
        var lines = ["plot \\"]
        for (e, element) in elements.enumerated() {
            lines.append("    " + element + (e + 1 < elements.count ? ", \\" : ""))
        }
        return lines
    }

    /// The layer (0 drawn first) and the plot element of one series, or `nil` when it has none
    /// (an unlabelled horizontal or vertical line is only an arrow); `curve` numbers the function
    /// defined for a `.function` reference in the settings.
    private func element(_ series: Series, slot: Int?, block: Int?, curve: Int, reference: Int?) -> (Int, String?) {
        let data = block.map { "data index \($0)" } ?? ""
        let title = series.label.map { "title \(quoted($0)) noenhanced" } ?? "notitle"
        let axes = series.yAxis == .y2 ? " axes x1y2" : ""
        let colour = "lc rgb \"\(style.colour(slot ?? 0))\""
        let lineStyle = "ls \(style.lineStyle(slot ?? 0))"
        switch series.mark {
        case .heatmap:
            return (0, "\(data) using 1:2:3 with image\(axes) notitle")
        case .band:
            return (1, "\(data) using 1:2:3 with filledcurves\(axes) fs transparent solid"
                + " \(GnuplotText.number(style.bandOpacity)) noborder \(colour) \(title)")
        case .histogram:
            return (2, "\(data) using 1:2:3 with boxes\(axes) fs transparent solid"
                + " \(GnuplotText.number(style.histogramOpacity)) border \(colour) \(colour) \(title)")
        case .bars:
            return (2, "\(data) using 1:2:3:4:5:6 with boxxyerror\(axes) fs transparent solid"
                + " \(GnuplotText.number(style.barOpacity)) border lc rgb \"\(style.axisColour)\" \(colour) \(title)")
        case .lines:
            return (3, "\(data) using 1:2 with lines\(axes) \(lineStyle) \(title)")
        case .points:
            return (3, "\(data) using 1:2 with points\(axes) \(lineStyle) \(title)")
        case .linePoints:
            return (3, "\(data) using 1:2 with linespoints\(axes) \(lineStyle) \(title)")
        case let .reference(line):
            switch line {
            case .segment:
                return (3, "\(data) using 1:2 with lines\(axes) \(referenceStyle(series, reference)) \(title)")
            case .function:
                return (3, "curve\(curve)(x) with lines\(axes) \(referenceStyle(series, reference)) \(title)")
            case .horizontal, .vertical:
                // The line itself is an arrow (see settings); this empty curve only gives it a legend entry.
                return (3, series.label == nil ? nil : "NaN with lines \(referenceStyle(series, reference)) \(title)")
            }
        }
    }

    /// Reference lines are grey, each with the next reference dash pattern, or in their slot's colour
    /// when one was chosen.
    private func referenceStyle(_ series: Series, _ index: Int?) -> String {
        let lineStyle = "ls \(style.referenceLineStyle(index ?? 0))"
        guard let slot = series.slot else { return lineStyle }
        return lineStyle + " lc rgb \"\(style.colour(slot))\""
    }
}
