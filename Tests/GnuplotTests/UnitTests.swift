import Foundation
import Testing
@testable import Gnuplot

/// The pieces under the script: number and string spelling, PDF dates, tic steps, palette slots, data blocks.
@Suite struct UnitTests {
    @Test(arguments: [(0.1, "0.1"), (1.0 / 3.0, "0.3333333"), (-2e-9, "-2e-09"), (-0.0, "0"), (1e6, "1000000"),
                      (12345678, "1.234568e+07"), (.nan, "NaN"), (.infinity, "NaN")])
    func numbersHaveOneFixedSpelling(value: Double, expected: String) {
        #expect(GnuplotText.number(value) == expected)
    }

    @Test func stringsAreQuotedForGnuplot() {
        #expect(GnuplotText.quoted(#"say "hi" \ now"#) == #""say \"hi\" \\ now""#)
        #expect(GnuplotText.quoted("two\nlines") == #""two\nlines""#)
        #expect(GnuplotText.quoted("‖∂L/∂W₁‖ σ′") == "\"‖∂L/∂W₁‖ σ′\"")
        #expect(GnuplotText.quoted("bell\u{7}") == "\"bell\"")
    }

    /// The date digits change, the length and everything else do not (so the PDF's xref offsets hold).
    @Test func pdfCreationDateIsSetToTheEpochInPlace() {
        let original = "%PDF-1.5\n<< /Producer (cairo 1.16.0)\n   /CreationDate (D:20261122000245Z)\n>>\nstartxref\n123\n"
        let fixed = String(decoding: PDFDates.neutralised(Data(original.utf8)), as: UTF8.self)
        #expect(fixed == original.replacingOccurrences(of: "D:20261122000245Z", with: "D:19700101000000Z"))
        let withOffset = "/CreationDate (D:20240102030405+01'00')"
        #expect(String(decoding: PDFDates.neutralised(Data(withOffset.utf8)), as: UTF8.self)
                == "/CreationDate (D:19700101000000+00'00')")
    }

    @Test(arguments: [(0.0, 1000.0, 4, 250.0), (-1.0, 1.0, 4, 0.5), (0.0, 10.0, 4, 2.5), (0.0, 0.07, 3, 0.025),
                      (3.0, 3.0, 4, nil)] as [(Double, Double, Int, Double?)])
    func panelTicStepsAreRound(lower: Double, upper: Double, count: Int, expected: Double?) {
        let step = DataExtent.niceStep(from: lower, to: upper, count: count)
        if let expected, let step {
            #expect(abs(step - expected) <= 1e-12 * expected)
        } else {
            #expect(step == expected)
        }
    }

    /// A band takes the colour of the line added after it; lines count up; reference lines take none.
    @Test func bandsShareTheSlotOfTheirLine() {
        var figure = Figure()
        figure.add(.band(x: [1], lower: [0], upper: [2], label: nil))
        figure.add(.line(x: [1], y: [1], label: "a"))
        figure.add(.referenceLine(.horizontal(y: 0), label: nil))
        figure.add(.band(x: [1], lower: [0], upper: [2], label: nil))
        figure.add(.points(x: [1], y: [1], label: "b"))
        figure.add(.line(x: [1], y: [1], label: "c").paletteSlot(5))
        figure.add(.band(x: [1], lower: [0], upper: [2], label: "alone"))
        #expect(ScriptWriter.paletteSlots(of: figure) == [0, 0, nil, 1, 1, 5, 2])
    }

    @Test func heatmapRowsAreScanLines() {
        var figure = Figure()
        figure.add(.heatmap([[1, 2, 3], [4, 5, 6]], x: [0, 0.5, 1], y: [10, 20]))
        let data = DataWriter().write(figure, named: "map")
        #expect(data.blocks == [[0]])
        #expect(data.text.hasSuffix("# x\ty\tvalue\n0\t10\t1\n0.5\t10\t2\n1\t10\t3\n\n0\t20\t4\n0.5\t20\t5\n1\t20\t6\n"))
    }

    @Test func referenceLinesWithoutDataHaveNoBlock() {
        var figure = Figure()
        figure.add(.referenceLine(.vertical(x: 1), label: nil))
        figure.add(.line(x: [], y: [], label: "empty"))
        figure.add(.referenceLine(.segment(from: (x: 1, y: 2), to: (x: 3, y: 4)), label: nil))
        let data = DataWriter().write(figure, named: "refs")
        #expect(data.blocks == [[nil, 0, 1]])
        // An empty series keeps its block, as one row of NaN.
        #expect(data.text.contains("# x\ty\nNaN\tNaN\n\n\n# block 1: segment unlabelled\n# x\ty\n1\t2\n3\t4\n"))
    }

    @Test func stackedBarsStandOnEachOther() {
        var figure = Figure()
        figure.barLayout = .stacked
        figure.add(.bars(categories: ["a", "b"], values: [1, 2], label: "lower"))
        figure.add(.bars(categories: ["a", "b"], values: [3, 4], label: "upper"))
        let bars = BarGeometry(plot: figure).bars
        #expect(bars[1].map(\.bottom) == [1, 2])
        #expect(bars[1].map(\.top) == [4, 6])
        #expect(bars[0][0].left == bars[1][0].left)
    }

    @Test func errorTextNamesTheFailingPartOfAContinuedCommand() {
        let lines = ["set title 'a'", "plot \\", "    sin(x), \\", "    foo(x) title 'f', \\", "    cos(x)", "unset output"]
        #expect(GnuplotRunner.command(endingAt: 5, in: lines, message: "undefined function: foo") == "foo(x) title 'f'")
        #expect(GnuplotRunner.command(endingAt: 5, in: lines, message: "invalid expression")
                == "plot sin(x), foo(x) title 'f', cos(x)")
        #expect(GnuplotRunner.command(endingAt: 1, in: lines, message: "x") == "set title 'a'")
        #expect(GnuplotRunner.command(endingAt: 9, in: lines, message: "x") == nil)
        let defined = ["curve1(x) = slope(x)", "plot \\", "    sin(x), \\", "    curve1(x) title 'c'"]
        #expect(GnuplotRunner.command(endingAt: 4, in: defined, message: "undefined function: slope") == "curve1(x) = slope(x)")
    }

    @Test func gridSizeGrowsWithThePanels() {
        let panels = (0..<7).map { _ in Figure() }
        let grid = Figure.panels(rows: 2, columns: 4, title: "t", panels)
        let style = HouseStyle.lectureNotes
        let size = ScriptWriter(style: style).pixelSize(of: grid)
        #expect(size == PixelSize(width: 4 * style.panelSize.width, height: 2 * style.panelSize.height + style.gridTitleHeight))
        #expect(ScriptWriter(style: style).pixelSize(of: Figure()) == style.figureSize)
    }
}
