import ClaimKit
import Gnuplot

extension BatchNormTestTime {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("accuracy-by-test-batch", accuracyFigure(run))]
    }

    /// Test accuracy of the same trained nets at each test batching, running averages vs each test batch's own
    /// statistics (mean over seeds).
    static func accuracyFigure(_ run: Run<Self>) -> Figure {
        let full = run.settings.full
        let batchings = (run.settings.batchings + [full]).sorted { $0.figureOrder < $1.figureOrder }
        let categories = batchings.map { $0 == full ? "all \(run.settings.testExamples)" : $0.description }
        func means(_ scoring: KeyPath<Extra, Scoring>) -> [Double] {
            batchings.map { b in run.extra(scoring).map { $0.accuracy[b]! }.reduce(0, +) / Double(run.seeds.count) }
        }
        var figure = Figure(title: "Test accuracy of the same nets, by how the test set is batched",
                            x: Axis(label: "test batch size"), y: Axis(label: "test accuracy", range: .between(0, 1)))
        figure.add(.bars(categories: categories, values: means(\.running), label: "running averages (evaluation phase)")
            .paletteSlot(Arm.batchNorm.slot))
        figure.add(.bars(categories: categories, values: means(\.testBatch), label: "each test batch's own statistics")
            .paletteSlot(Arm.control.slot))
        figure.add(.referenceLine(.horizontal(y: 0.1), label: "chance (1 in 10)"))
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 480)
        return figure
    }
}
