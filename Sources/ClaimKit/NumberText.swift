import Reporting

/// Compact number text for rule descriptions ("< 0.05", "in [0.2, 0.25]"): Reporting's 4-significant-digit format
/// without trailing zeros.
enum NumberText {
    static func compact(_ x: Double) -> String {
        let text = NumberFormat.format(x, significant: 4)
        guard let e = text.firstIndex(where: { $0 == "e" }) ?? Optional(text.endIndex), text.contains(".") else {
            return text
        }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        return mantissa + text[e...]
    }
}
