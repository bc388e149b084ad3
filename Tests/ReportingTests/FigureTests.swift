import Testing
@testable import Reporting

struct FigureTests {
    @Test func figuresAreNumberedInDocumentOrder() {
        var doc = MarkdownDocument()
        doc.figure(name: "first", title: "First", caption: "one", formats: ["svg"])
        doc.paragraph("Between the figures.")
        doc.figure(name: "second", title: "Second", caption: "two", formats: ["svg"])
        doc.figure(name: "third", title: "Third", caption: "", formats: ["svg"])
        let captions = doc.rendered().split(separator: "\n").filter { $0.hasPrefix("*Figure") }
        #expect(captions == ["*Figure 1 — one*\\", "*Figure 2 — two*\\", "*Figure 3*\\"])
        #expect(doc.figureNumber(of: "second") == 2)
        #expect(doc.figureNumber(of: "missing") == nil)
    }

    @Test func linksLineListsOtherFormatsThenSources() {
        let figure = FigureBlock(name: "loss", title: "Loss", caption: "c", formats: ["svg", "png", "pdf"])
        #expect(figure.imagePath == "figures/loss.svg")
        #expect(figure.markdownLines(number: 4) == [
            "![Loss](figures/loss.svg)\\",
            "*Figure 4 — c*\\",
            "[PNG](figures/loss.png) · [PDF](figures/loss.pdf) · [gnuplot script](figures/loss.gp) · [data](data/loss.tsv)",
        ])
    }

    @Test func pngIsEmbeddedWhenThereIsNoSVG() {
        let figure = FigureBlock(name: "w", title: "W", caption: "c", formats: ["pdf", "png"], sources: [])
        #expect(figure.embeddedFormat == "png")
        #expect(figure.links == [FigureBlock.Link(label: "PDF", path: "figures/w.pdf")])
    }

    @Test func withoutAnEmbeddableFormatCaptionAndLinksRemain() {
        let figure = FigureBlock(name: "w", title: "W", caption: "c", formats: [])
        #expect(figure.markdownLines(number: 1) == [
            "*Figure 1 — c*\\",
            "[gnuplot script](figures/w.gp) · [data](data/w.tsv)",
        ])
    }

    @Test func captionStaysOneItalicLine() {
        let figure = FigureBlock(name: "w", title: "W [log]", caption: "‖∂L/∂W_l‖ at 2*x,\nper `a*b`",
                                 formats: ["svg"], sources: [])
        #expect(figure.markdownLines(number: 1) == [
            "![W \\[log\\]](figures/w.svg)\\",
            "*Figure 1 — ‖∂L/∂W_l‖ at 2\\*x, per `a*b`*",
        ])
    }

    @Test func customSourcesAndFolder() {
        let figure = FigureBlock(name: "h", title: "H", caption: "c", formats: ["svg"],
                                 sources: [.init(label: "CSV", directory: "tables", fileExtension: "csv")],
                                 directory: "plots")
        #expect(figure.markdownLines(number: 1).last == "[CSV](tables/h.csv)")
        #expect(figure.imagePath == "plots/h.svg")
    }
}
