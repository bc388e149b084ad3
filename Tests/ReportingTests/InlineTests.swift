import Testing
@testable import Reporting

struct InlineTests {
    @Test(arguments: [
        ("relu", "`relu`"),
        ("a`b", "``a`b``"),
        ("`tick", "`` `tick ``"),
        ("two\nlines", "`two lines`"),
    ])
    func codeSpanFenceFitsTheContent(text: String, expected: String) {
        #expect(Inline.code(text) == expected)
    }

    @Test func emphasisAndLinks() {
        #expect(Inline.bold("x") == "**x**")
        #expect(Inline.italic("x") == "*x*")
        #expect(Inline.link("report", to: "my claim/README (v2).md") == "[report](my%20claim/README%20%28v2%29.md)")
        #expect(Inline.image("a [b]", source: "f.svg") == "![a \\[b\\]](f.svg)")
    }

    @Test func interpolationsMatchTheBuilders() {
        let text = "\(code: "x") \(bold: "b") \(italic: "i") \(link: "l", to: "p.md")"
        #expect(text == "`x` **b** *i* [l](p.md)")
    }

    @Test func escapedTextRendersLiterally() {
        #expect(Inline.escaped("a_b *c* [d] <e> `f` \\ | ‖dW‖") == "a\\_b \\*c\\* \\[d\\] \\<e\\> \\`f\\` \\\\ | ‖dW‖")
        #expect(Inline.htmlEscaped("a & \"b\" <c> | d") == "a &amp; &quot;b&quot; &lt;c&gt; &#124; d")
    }

    @Test func badgeRendersItsPartsInOrder() {
        #expect(Badge(text: "reproduced", symbol: "✅", note: "expected: reproduced").markdown
                == "`reproduced` ✅ (expected: reproduced)")
        #expect(Badge(text: "inconclusive").markdown == "`inconclusive`")
        #expect(Badge(text: "x", symbol: "", note: "").markdown == "`x`")
    }
}
