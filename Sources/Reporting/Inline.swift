/// Builders for inline Markdown: code spans, emphasis, links and images, and escaping of plain text.
///
/// Each returns a `String` to place inside a paragraph, list item, table cell or caption:
/// `doc.paragraph("\(Inline.bold("In one sentence.")) The gradient shrinks by \(Inline.code("0.23")) per layer.")`.
/// The same builders are available as string interpolations: `"\(bold: "In one sentence.")"`.
public enum Inline {
    /// A code span; backticks inside `text` get a longer fence, newlines become spaces.
    public static func code(_ text: String) -> String {
        let flat = text.replacingNewlines(with: " ")
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        // A span that starts or ends with a backtick needs a space between it and the fence.
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// Strong emphasis, `**markdown**`.
    public static func bold(_ markdown: String) -> String { "**\(markdown)**" }

    /// Emphasis, `*markdown*`.
    public static func italic(_ markdown: String) -> String { "*\(markdown)*" }

    /// A link, `[markdown](destination)`; spaces and parentheses in `destination` are percent-encoded.
    public static func link(_ markdown: String, to destination: String) -> String {
        "[\(markdown)](\(encodedDestination(destination)))"
    }

    /// An image, `![alt](source)`; brackets in `alt` are escaped, `source` is encoded as in ``link(_:to:)``.
    public static func image(_ alt: String, source: String) -> String {
        "![\(escapingBrackets(alt))](\(encodedDestination(source)))"
    }

    /// `text` with the characters that start inline Markdown (code, emphasis, links, HTML) backslash-escaped, so it
    /// renders literally. Line-start syntax (`#`, `-`, `1.`) is left alone: use it inside a line.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if markdownSpecials.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `text` for an HTML attribute value or element: `&`, `<`, `>`, `"` and `|` as character references.
    public static func htmlEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "|": result += "&#124;"  // so a table cell does not split on it
            default: result.append(character)
            }
        }
        return result
    }

    // Backslash, code, emphasis, links and HTML. Not `|`: a table escapes its own cells, and escaping twice would
    // leave `\\|`, which GitHub splits into two cells.
    private static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">"]

    static func encodedDestination(_ path: String) -> String {
        var result = ""
        for character in path {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }

    static func escapingBrackets(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "[" || character == "]" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `markdown` with every `*` outside code spans escaped, so it can sit inside `*…*` without ending it.
    static func escapingAsterisks(_ markdown: String) -> String {
        var result = ""
        var openFence = 0  // length of the backtick run that opened the current code span, 0 outside one
        var index = markdown.startIndex
        while index < markdown.endIndex {
            let character = markdown[index]
            if character == "`" {
                var run = 0
                while index < markdown.endIndex, markdown[index] == "`" {
                    run += 1
                    index = markdown.index(after: index)
                }
                result += String(repeating: "`", count: run)
                if openFence == 0 { openFence = run } else if run == openFence { openFence = 0 }
                continue
            }
            if character == "*" && openFence == 0 { result.append("\\") }
            result.append(character)
            index = markdown.index(after: index)
        }
        return result
    }

    static func longestRun(of target: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == target ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
