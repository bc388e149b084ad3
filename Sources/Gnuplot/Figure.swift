/// A figure: one plot (axes plus series), or a grid of panels that are plots themselves.
///
/// A figure is a value: build it, then hand it to ``GnuplotRenderer`` to get a gnuplot script, its data
/// and the rendered `.svg`/`.png`/`.pdf`.
///
/// ```swift
/// var figure = Figure(title: "Gradient norm per layer", caption: "Sigmoid gradients shrink towards the input.")
/// figure.x = Axis(label: "layer l")
/// figure.y = Axis(label: "‖∂L/∂W_l‖", scale: .log10)
/// figure.add(.band(x: layers, lower: mins, upper: maxs, label: nil))
/// figure.add(.line(x: layers, y: means, label: "sigmoid"))
/// figure.add(.referenceLine(.horizontal(y: 1e-3), label: "vanishing threshold"))
/// ```
///
/// For a grid of small plots see ``panels(rows:columns:title:caption:_:)``.
public struct Figure: Sendable {
    /// Drawn above the plot (or above the whole grid), or `nil` for none.
    public var title: String?
    /// What the figure shows and what to look for; carried for the report, never drawn.
    public var caption: String
    /// The horizontal axis.
    public var x: Axis
    /// The left-hand vertical axis.
    public var y: Axis
    /// The right-hand twin axis for series marked ``Series/onY2()``, or `nil` for none.
    public var y2: Axis?
    /// The colour bar of heatmaps (its label, range and scale).
    public var colorbar: Axis
    /// Where the legend goes. It is left out when no series has a label.
    public var legend: Legend
    /// How several bar series share a category.
    public var barLayout: BarLayout
    /// The size of the SVG (and, scaled, of the PNG and PDF), or `nil` for the house size
    /// (a page column for one plot; grown from the panel count for a grid).
    public var size: PixelSize?
    /// The series in the order they were added.
    public private(set) var series: [Series] = []
    /// The panels when this figure is a grid, else `nil`.
    public private(set) var grid: PanelGrid?

    public init(title: String? = nil, caption: String = "", x: Axis = Axis(), y: Axis = Axis(),
                legend: Legend = .topRight) {
        self.title = title
        self.caption = caption
        self.x = x
        self.y = y
        self.y2 = nil
        self.colorbar = Axis()
        self.legend = legend
        self.barLayout = .clustered
        self.size = nil
    }

    /// Adds a series on top of those already added (bands and heatmaps are still drawn underneath).
    public mutating func add(_ series: Series) {
        precondition(grid == nil, "Figure.add: '\(title ?? "untitled")' is a grid of panels; add series to its panels")
        self.series.append(series)
    }

    /// A grid of `rows × columns` plots filled row by row, each with its own title and axes;
    /// slots past `panels.count` stay empty.
    ///
    /// ```swift
    /// let panels = layers.map { layer in
    ///     var panel = Figure(title: "layer \(layer.index)")
    ///     panel.add(.histogram(binEdges: edges, counts: layer.counts, label: nil))
    ///     return panel
    /// }
    /// let figure = Figure.panels(rows: 3, columns: 10, title: "Activations per layer",
    ///                            caption: "tanh saturates from layer 4 on.", panels)
    /// ```
    public static func panels(rows: Int, columns: Int, title: String? = nil, caption: String = "",
                              _ panels: [Figure]) -> Figure {
        precondition(rows > 0 && columns > 0, "Figure.panels: the grid needs at least 1×1, got \(rows)×\(columns)")
        precondition(panels.count <= rows * columns,
                     "Figure.panels: \(panels.count) panels do not fit a \(rows)×\(columns) grid")
        precondition(panels.allSatisfy { $0.grid == nil }, "Figure.panels: a panel cannot itself be a grid of panels")
        var figure = Figure(title: title, caption: caption)
        figure.grid = PanelGrid(rows: rows, columns: columns, panels: panels)
        return figure
    }

    /// The plots drawn, in order: the figure itself, or its panels.
    var plots: [Figure] { grid?.panels ?? [self] }
}

/// The panels of a grid figure: `rows × columns` slots filled row by row.
public struct PanelGrid: Sendable {
    public let rows: Int
    public let columns: Int
    public let panels: [Figure]
}

/// A size in SVG pixels; the PNG is drawn at ``HouseStyle/pngScale`` times this and the PDF at
/// ``HouseStyle/pixelsPerInch``.
public struct PixelSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "PixelSize: width and height must be positive, got \(width)×\(height)")
        self.width = width
        self.height = height
    }
}

/// Where the legend (gnuplot's key) is placed.
public enum Legend: Sendable, Equatable {
    case topLeft, topRight, bottomLeft, bottomRight
    /// To the right of the plot area, outside it.
    case outsideRight
    /// Under the plot area, in columns.
    case below
    /// No legend at all.
    case hidden
}

/// How several bar series share one category.
public enum BarLayout: Sendable, Equatable {
    /// Side by side, one bar per series.
    case clustered
    /// On top of each other, in the order added (values should be non-negative).
    case stacked
}
