import Foundation
import Reporting

/// How every generated number in a report is written: real minus signs (−), "diverged" for NaN, "0" not "0–0", and
/// a mean ± std whose digits stop where the spread makes them meaningless.
public enum Numbers {
    /// `x` to `significant` digits ("0.235", "7.7e−6", "−1.50"); a whole number as it is ("5", "−1", a count or a
    /// rank); "diverged" for NaN.
    public static func text(_ x: Double, significant: Int = 3) -> String {
        if x.isNaN { return "diverged" }
        if x == x.rounded(), abs(x) < 1e5 { return minus(String(Int(x))) }
        return minus(NumberFormat.format(x, significant: significant))
    }

    /// Up to 4 significant digits without trailing zeros, for thresholds: "0.25", "7.7e−6", "−0.85".
    public static func compact(_ x: Double) -> String {
        var text = NumberFormat.format(x, significant: 4)
        if text.contains(".") {
            let exponent = text.firstIndex(of: "e") ?? text.endIndex
            var mantissa = text[..<exponent]
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            text = String(mantissa + text[exponent...])
        }
        return minus(text)
    }

    /// The mean of `values` with its sample standard deviation: "0.235 ± 0.001", "0.89 ± 0.12" (the std to two
    /// significant digits and the mean to the same place, at most three significant digits; "0.2136 ± 0.0004" rather
    /// than "0.214 ± 0.000"), just the value for one seed or a spread too small to show, "diverged" when any value is
    /// NaN.
    public static func meanStd(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "—" }
        if values.contains(where: \.isNaN) { return "diverged" }
        let summary = Summary(values)
        let mean = summary.mean, std = summary.standardDeviation
        guard values.count > 1, std > 0, mean.isFinite else { return text(mean) }
        let magnitude = abs(mean) > 0 ? abs(mean) : std
        guard magnitude >= 1e-3, magnitude < 1e5 else {
            return minus(NumberFormat.format(mean: mean, std: std, significant: 3))
        }
        let meanDecimals = 2 - Int(floor(log10(magnitude)))
        let stdDecimals = 1 - Int(floor(log10(std)))
        // Two digits of the std, but no more than three of the mean — unless that would print "± 0.000": then as
        // many more digits (at most two) as it takes to show the std's first digit, else the mean alone.
        var decimals = max(0, min(meanDecimals, stdDecimals))
        if std < 0.5 * pow(10, -Double(decimals)) { decimals = min(stdDecimals - 1, meanDecimals + 2) }
        guard std >= 0.5 * pow(10, -Double(decimals)) else { return text(mean) }
        return "\(minus(NumberFormat.fixed(mean, decimals: decimals))) ± \(NumberFormat.fixed(std, decimals: decimals))"
    }

    /// "0.234–0.237", or one value when all are equal ("0", not "0–0"); "diverged" when every value is NaN, and
    /// "… (k diverged)" when some are.
    public static func range(_ values: [Double]) -> String {
        let finite = values.filter { !$0.isNaN }
        guard let low = finite.min(), let high = finite.max() else { return "diverged" }
        let lowText = text(low), highText = text(high)
        let span = lowText == highText ? lowText : "\(lowText)–\(highText)"
        let diverged = values.count - finite.count
        return diverged == 0 ? span : "\(span) (\(diverged) diverged)"
    }

    /// Hyphen-minus to the minus sign U+2212 (also in exponents).
    static func minus(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "−") }
}
