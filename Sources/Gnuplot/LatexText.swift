/// A figure's text (titles, axis labels, legend entries, bar categories) as LaTeX source for the `latex` format,
/// in plain ASCII so it compiles with pdflatex and LaTeX's default encoding alone (no inputenc declarations, no
/// package beyond graphicx and color).
///
/// LaTeX's special characters are escaped (`_` → `\_`, `%` → `\%`, …); `|`, `<`, `>` go into math mode, where
/// the default OT1 fonts have them; Greek letters and mathematical symbols become math (`σ′` → `$\sigma'$`),
/// neighbouring ones sharing one `$…$`; Unicode super- and subscripts become `^{…}` and `_{…}` (`W₁₂` →
/// `W$_{12}$`, `10⁻⁵` → `10$^{-5}$`). A character with no LaTeX spelling here is written `?` (see
/// ``unmapped(in:)``).
///
/// ```swift
/// LatexText.escaped("‖∂L/∂h_l‖")   // "$\|\partial$L/$\partial$h\_l$\|$"
/// LatexText.escaped("50% of η")    // "50\% of $\eta$"
/// ```
public enum LatexText {
    /// `text` as LaTeX source (text mode).
    public static func escaped(_ text: String) -> String {
        var output = "", math = ""
        var script: (marker: String, body: String)? = nil   // an open ^{…} or _{…} inside `math`

        func closeScript() {
            if let open = script { math += "\(open.marker){\(open.body)}" }
            script = nil
        }
        func closeMath() {
            closeScript()
            if !math.isEmpty { output += "$\(math)$" }
            math = ""
        }
        for scalar in text.unicodeScalars {
            if let (marker, body) = scripts[scalar] {
                if script?.marker != marker { closeScript(); script = (marker, "") }
                script!.body += body
            } else if let symbol = mathSymbols[scalar] {
                closeScript()
                math += symbol
            } else {
                closeMath()
                // `--` and `---` are dashes in LaTeX: a hyphen after a hyphen stays a hyphen.
                if scalar == "-", output.hasSuffix("-") { output += "{}" }
                output += textSpelling(scalar)
            }
        }
        closeMath()
        return output
    }

    /// The characters of `text` with no LaTeX spelling here (written `?` by ``escaped(_:)``), in order of appearance.
    public static func unmapped(in text: String) -> [Character] {
        var seen: [Character] = []
        for scalar in text.unicodeScalars
        where scripts[scalar] == nil && mathSymbols[scalar] == nil && textSpelling(scalar) == "?" && scalar != "?" {
            if !seen.contains(Character(scalar)) { seen.append(Character(scalar)) }
        }
        return seen
    }

    private static func textSpelling(_ scalar: Unicode.Scalar) -> String {
        if let spelling = textSymbols[scalar] { return spelling }
        if scalar.isASCII {
            // A line break stays one (gnuplot breaks the label there); other control characters become spaces.
            return scalar.properties.generalCategory == .control && scalar != "\n" ? " " : String(scalar)
        }
        return "?"
    }

    /// Text-mode spellings: LaTeX's special characters and typographic punctuation.
    private static let textSymbols: [Unicode.Scalar: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#", "%": "\\%",
        "_": "\\_", "^": "\\^{}", "~": "\\~{}", "\"": "''",
        "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "\u{A0}": "~", "é": "\\'e", "ä": "\\\"a",
        "ö": "\\\"o", "ü": "\\\"u", "§": "\\S{}", "°": "$^\\circ$",
    ]

    /// Math-mode spellings (joined into one `$…$` with their neighbours).
    private static let mathSymbols: [Unicode.Scalar: String] = [
        "|": "|", "<": "<", ">": ">", "−": "-", "±": "\\pm", "×": "\\times", "÷": "\\div", "·": "\\cdot",
        "′": "'", "″": "''", "‖": "\\|", "∂": "\\partial", "√": "\\surd", "∞": "\\infty", "∈": "\\in",
        "≤": "\\leq", "≥": "\\geq", "≈": "\\approx", "≠": "\\neq", "→": "\\rightarrow", "←": "\\leftarrow",
        "…": "\\ldots", "∑": "\\sum", "∏": "\\prod", "∇": "\\nabla", "∝": "\\propto", "∼": "\\sim", "⊙": "\\odot",
        "½": "\\frac{1}{2}", "¼": "\\frac{1}{4}", "¾": "\\frac{3}{4}", "ḡ": "\\bar{g}",
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ζ": "\\zeta",
        "η": "\\eta", "θ": "\\theta", "ι": "\\iota", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu",
        "ξ": "\\xi", "π": "\\pi", "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "υ": "\\upsilon", "φ": "\\phi",
        "χ": "\\chi", "ψ": "\\psi", "ω": "\\omega", "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta",
        "Λ": "\\Lambda", "Ξ": "\\Xi", "Π": "\\Pi", "Σ": "\\Sigma", "Φ": "\\Phi", "Ψ": "\\Psi", "Ω": "\\Omega",
    ]

    /// Unicode super- and subscripts: the marker and the character inside the braces.
    private static let scripts: [Unicode.Scalar: (String, String)] = {
        var table: [Unicode.Scalar: (String, String)] = [:]
        for (marker, characters, plain) in [("^", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ", "0123456789+-=()niT"),
                                            ("_", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚₛₜ", "0123456789+-=()aeoxijklmnpst")] {
            for (character, spelled) in zip(characters.unicodeScalars, plain) { table[character] = (marker, String(spelled)) }
        }
        return table
    }()
}
