import Foundation

/// How numbers and strings are spelled in the scripts and data files, fixed so reruns are byte-identical.
enum GnuplotText {
    /// A number with 7 significant digits (`%.7g`, about Float32's precision); `-0` is written `0`,
    /// and NaN or ±infinity `NaN`, which gnuplot skips as a missing point.
    ///
    /// ```swift
    /// GnuplotText.number(0.1)        // "0.1"
    /// GnuplotText.number(1.0 / 3.0)  // "0.3333333"
    /// GnuplotText.number(-2e-9)      // "-2e-09"
    /// ```
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "NaN" }
        if value == 0 { return "0" }
        return String(format: "%.7g", value)
    }

    /// A gnuplot double-quoted string literal: backslash and quote escaped, a line break written `\n`
    /// (gnuplot breaks the line there), other control characters dropped.
    ///
    /// ```swift
    /// GnuplotText.quoted(#"say "hi""#)   // "\"say \\\"hi\\\"\""
    /// ```
    static func quoted(_ text: String) -> String {
        var body = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": body += "\\\\"
            case "\"": body += "\\\""
            case "\n": body += "\\n"
            case "\t": body += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                body.unicodeScalars.append(scalar)
            }
        }
        return "\"" + body + "\""
    }

    /// Text safe inside a `#` comment: on one line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
