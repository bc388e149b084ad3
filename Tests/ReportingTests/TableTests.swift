import Testing
@testable import Reporting

struct TableTests {
    @Test(arguments: [
        ("a|b", "a\\|b"),
        ("line 1\nline 2", "line 1<br>line 2"),
        ("crlf\r\nbreak", "crlf<br>break"),
        ("  padded  ", "padded"),
        ("`x | y`", "`x \\| y`"),
        ("", ""),
    ])
    func cellsAreEscaped(cell: String, expected: String) {
        #expect(Table.escapedCell(cell) == expected)
    }

    @Test func rendersHeaderDelimiterAndRows() {
        var table = Table(header: ["seed", "loss"], alignments: [.right, .right])
        table.append(["0", "2.30"])
        table.append(["1", "a|b\nc"])
        #expect(table.markdownLines == [
            "| seed | loss |",
            "| ---: | ---: |",
            "| 0 | 2.30 |",
            "| 1 | a\\|b<br>c |",
        ])
    }

    @Test func everyAlignmentHasItsDelimiter() {
        let table = Table(header: ["a", "b", "c", "d"], alignments: [.unspecified, .left, .center, .right])
        #expect(table.markdownLines[1] == "| --- | :--- | :---: | ---: |")
    }

    @Test func emptyCellsRenderAsOneSpace() {
        let table = Table(header: ["", "x"], rows: [["", ""]])
        #expect(table.markdownLines == ["| | x |", "| --- | --- |", "| | |"])
    }

    @Test func headerOnlyTableRenders() {
        var doc = MarkdownDocument()
        doc.table(Table(header: ["only"]))
        #expect(doc.rendered() == "| only |\n| --- |\n")
    }
}
