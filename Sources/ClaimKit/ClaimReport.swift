import Gnuplot
import Reporting

/// The parts of a claim's report that only the experiment can write. `LegacyReportWriter` adds the standard parts — the
/// verdict badge, the quote, the check table, the control, per-seed values, the reproduce command — from the evidence.
public struct LegacyClaimReport {
    /// A figure and the stable file name it is written under (`figures/<name>.svg`, `data/<name>.tsv`).
    public struct NamedFigure {
        public let name: String
        public let figure: Figure
        public init(_ name: String, _ figure: Figure) {
            self.name = name
            self.figure = figure
        }
    }

    /// "In one sentence": the finding with the run's numbers.
    public var summary: String
    /// The number the index shows, e.g. "attenuation 0.235 per layer".
    public var keyNumber: String
    /// Setup table: header and one or more rows (data, network, init, optimizer, steps, seeds, precision).
    public var setup: Table
    /// Figures in reading order; each caption says what to look for.
    public var figures: [NamedFigure] = []
    /// The figure the index shows as the claim's thumbnail (default: the first).
    public var keyFigure: String?
    /// "Beside the original": rows of (what, the paper's number and setup, ours).
    public var besideTheOriginal: [(what: String, paper: String, here: String)] = []
    /// Caveats and the careful statement, one paragraph each.
    public var caveats: [String] = []
    /// Extra tables or paragraphs after the figures (e.g. a table of per-layer values), as Markdown blocks.
    public var extraSections: [(heading: String, blocks: [Block])] = []

    public init(summary: String, keyNumber: String, setup: Table) {
        self.summary = summary
        self.keyNumber = keyNumber
        self.setup = setup
    }

    public mutating func add(_ name: String, _ figure: Figure) { figures.append(NamedFigure(name, figure)) }
}
