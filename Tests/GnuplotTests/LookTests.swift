import Foundation
import Testing
import Gnuplot

/// Renders the sample figures into `$GNUPLOT_LOOK_DIR` for a person to look at; skipped when it is unset.
@Test(.enabled(if: ProcessInfo.processInfo.environment["GNUPLOT_LOOK_DIR"] != nil && GnuplotRunner().isInstalled))
func rendersSampleFiguresForLooking() throws {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GNUPLOT_LOOK_DIR"]!)
    let renderer = GnuplotRenderer()
    try renderer.render(SampleFigures.gradientNorms(), named: "gradient-norms", in: folder)
    try renderer.render(SampleFigures.activationHistograms(), named: "activation-histograms", in: folder)
    try renderer.render(SampleFigures.accuracyBars(), named: "accuracy-bars", in: folder)
    try renderer.render(SampleFigures.weightHeatmap(), named: "weight-heatmap", in: folder)
    try renderer.render(SampleFigures.scalingScatter(), named: "scaling-scatter", in: folder)
}
