/// The one look shared by every figure of the project: palette, dashes, markers, font and sizes.
///
/// The palette is Okabe & Ito's colour-blind-safe set (Okabe & Ito, 2008, "Color Universal Design"),
/// ordered so neighbouring slots differ in lightness, and every slot also has its own dash pattern and
/// marker, so series stay apart in greyscale print. Sizes are SVG pixels; the PNG is the same picture at
/// ``pngScale``× and the PDF the same picture at ``pixelsPerInch`` (640×400 px → 5 in × 3.125 in, a page
/// column), so text and lines keep their proportions in every format.
///
/// ```swift
/// let renderer = GnuplotRenderer(style: .lectureNotes)   // the default
/// ```
public struct HouseStyle: Sendable {
    /// Series colours as `#RRGGBB`, used in slot order and then repeated.
    public let palette: [String]
    /// Gnuplot dash patterns per slot (`"1"` is solid, `"(8,4)"` dash 8 gap 4 in line widths).
    public let dashes: [String]
    /// Gnuplot point types per slot (7 filled circle, 5 filled square, 9 filled triangle, …).
    public let pointTypes: [Int]
    /// Font family; must be installed for cairo (check with `fc-list`).
    public let fontFace: String
    /// Font size in SVG pixels.
    public let fontSize: Double
    /// Series line width in SVG pixels.
    public let lineWidth: Double
    /// Marker size as a gnuplot `pointsize`.
    public let pointSize: Double
    /// The size of a one-plot figure.
    public let figureSize: PixelSize
    /// The size of one panel of a grid; a grid figure is `columns × width` by `rows × height` (plus its title).
    public let panelSize: PixelSize
    /// Extra height for a grid's overall title, in pixels.
    public let gridTitleHeight: Int
    /// PNG pixels per SVG pixel (2 gives sharp images on high-density screens).
    public let pngScale: Int
    /// SVG pixels per inch of PDF.
    public let pixelsPerInch: Double
    /// Colour of the light background grid.
    public let gridColour: String
    /// Colour of the border, tics and text of the axes.
    public let axisColour: String
    /// Colour of reference lines, and their dash patterns in the order they are added to a plot.
    public let referenceColour: String
    public let referenceDashes: [String]
    /// Opacity of bands, histograms and bars.
    public let bandOpacity: Double
    public let histogramOpacity: Double
    public let barOpacity: Double
    /// Heatmap colour map as (position in 0…1, colour); viridis, whose lightness rises monotonically.
    public let colourMap: [(position: Double, colour: String)]
    /// Width of the `latex` (cairolatex) figure in centimetres; its height keeps the figure's aspect ratio.
    public let latexWidth: Double
    /// The LaTeX size commands the `latex` figure's text may use, largest first, with their size in points in a
    /// 10 pt document (gnuplot lays the figure out for that size; the document's own size command sets the text).
    public let latexTextSizes: [(command: String, points: Double)]

    /// The style of every LectureClaims figure.
    public static let lectureNotes = HouseStyle(
        palette: ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000"],
        dashes: ["1", "(8,4)", "(2,3)", "(10,3,2,3)", "(5,5)", "(12,4,2,4,2,4)", "(3,6)"],
        pointTypes: [7, 5, 9, 11, 13, 6, 4],
        fontFace: "DejaVu Sans",
        fontSize: 13,
        lineWidth: 2,
        pointSize: 0.9,
        figureSize: PixelSize(width: 640, height: 400),
        panelSize: PixelSize(width: 230, height: 190),
        gridTitleHeight: 30,
        pngScale: 2,
        pixelsPerInch: 128,
        gridColour: "#e4e4e4",
        axisColour: "#404040",
        referenceColour: "#555555",
        referenceDashes: ["(8,5)", "(2,4)", "(14,5,3,5)"],
        bandOpacity: 0.22,
        histogramOpacity: 0.55,
        barOpacity: 0.9,
        colourMap: [(0, "#440154"), (0.25, "#3B528B"), (0.5, "#21918C"), (0.75, "#5EC962"), (1, "#FDE725")],
        // LaTeX article's \textwidth on a4paper is 345 pt = 12.17 cm.
        latexWidth: 12,
        latexTextSizes: [("\\scriptsize", 7), ("\\tiny", 5)]
    )

    /// The colour of slot `slot`.
    func colour(_ slot: Int) -> String { palette[slot % palette.count] }
    /// The gnuplot line style number of slot `slot` (1-based, as gnuplot wants).
    func lineStyle(_ slot: Int) -> Int { slot + 1 }
    /// The gnuplot line style number of the `index`-th reference line of a plot (0-based).
    func referenceLineStyle(_ index: Int) -> Int { 100 + index % referenceDashes.count }
}
