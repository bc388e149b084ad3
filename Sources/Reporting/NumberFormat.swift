import Foundation

/// One way to write numbers in every report: a fixed count of significant digits, scientific notation only for very
/// small or very large magnitudes, and clean text for NaN and infinities.
///
/// | call | text |
/// | --- | --- |
/// | `format(0.23456, significant: 3)` | `0.235` |
/// | `format(0.5, significant: 3)` | `0.500` (the digits are significant, so trailing zeros stay) |
/// | `format(12345.6, significant: 3)` | `12300` |
/// | `format(7.7e-6, significant: 2)` | `7.7e-6` |
/// | `format(mean: 0.23456, std: 0.0041, significant: 3)` | `0.235 ± 0.004` |
/// | `percent(0.1234)` | `12.3%` |
/// | `format(.nan, significant: 3)`, `format(-.infinity, significant: 3)` | `NaN`, `-∞` |
///
/// Scientific notation is used when the magnitude, after rounding, is below 1e-3 or at least 1e5; its exponent has no
/// plus sign and no leading zeros (`1.5e5`, `7.7e-6`). Zero is written `0`. Deciding what a NaN means ("diverged")
/// is the caller's business.
public enum NumberFormat {
    /// `x` rounded to `significant` significant digits.
    public static func format<Value: BinaryFloatingPoint>(_ x: Value, significant: Int) -> String {
        precondition(significant >= 1, "NumberFormat: significant digits must be at least 1, got \(significant)")
        let x = Double(x)
        if let special = special(x) { return special }
        if x == 0 { return "0" }
        let (mantissa, exponent) = scientificParts(x, significant: significant)
        if usesScientificNotation(exponent: exponent) { return "\(mantissa)e\(exponent)" }
        let decimals = significant - 1 - exponent
        if decimals >= 0 { return String(format: "%.\(decimals)f", x) }
        // Rounded to tens or more: the mantissa's digits followed by zeros (12345.6 to 3 digits is 12300).
        return mantissa.replacingOccurrences(of: ".", with: "") + String(repeating: "0", count: -decimals)
    }

    /// `mean ± std`, both rounded to the same decimal place: the place of the `significant`-th digit of the larger
    /// magnitude, so `0.23456 ± 0.0041` to 3 digits is `0.235 ± 0.004`. When that magnitude calls for scientific
    /// notation the exponent is shared: `(7.7 ± 0.3)e-6`.
    public static func format<Value: BinaryFloatingPoint>(mean: Value, std: Value, significant: Int) -> String {
        precondition(significant >= 1, "NumberFormat: significant digits must be at least 1, got \(significant)")
        let mean = Double(mean)
        let std = Double(std)
        guard mean.isFinite && std.isFinite else {
            return "\(format(mean, significant: significant)) ± \(format(std, significant: significant))"
        }
        let scale = max(abs(mean), abs(std))
        if scale == 0 { return "0 ± 0" }
        let exponent = scientificParts(scale, significant: significant).exponent
        if usesScientificNotation(exponent: exponent) {
            let unit = pow(10, Double(exponent))
            let decimals = significant - 1
            return "(\(fixed(mean / unit, decimals: decimals)) ± \(fixed(std / unit, decimals: decimals)))e\(exponent)"
        }
        let decimals = significant - 1 - exponent
        if decimals >= 0 {
            return "\(fixed(mean, decimals: decimals)) ± \(fixed(std, decimals: decimals))"
        }
        let unit = pow(10, Double(-decimals))
        return "\(fixed((mean / unit).rounded() * unit, decimals: 0)) ± \(fixed((std / unit).rounded() * unit, decimals: 0))"
    }

    /// `fraction` as a percentage with `decimals` decimals: `percent(0.1234)` is `12.3%`.
    public static func percent<Value: BinaryFloatingPoint>(_ fraction: Value, decimals: Int = 1) -> String {
        let value = Double(fraction) * 100
        if let special = special(value) { return special }
        return fixed(value, decimals: decimals) + "%"
    }

    /// `x` with exactly `decimals` decimals (`fixed(0.2, decimals: 2)` is `0.20`), never `-0.00`.
    public static func fixed<Value: BinaryFloatingPoint>(_ x: Value, decimals: Int) -> String {
        precondition(decimals >= 0, "NumberFormat: decimals must not be negative, got \(decimals)")
        let x = Double(x)
        if let special = special(x) { return special }
        let text = String(format: "%.\(decimals)f", x)
        // A negative number that rounds to zero prints as "-0.00"; the sign says nothing there.
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// `NaN`, `∞` or `-∞`, or `nil` for a finite number.
    private static func special(_ x: Double) -> String? {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        return nil
    }

    private static func usesScientificNotation(exponent: Int) -> Bool {
        exponent < -3 || exponent >= 5
    }

    /// The mantissa (with sign) and decimal exponent of `x` rounded to `significant` digits: 0.00099996 to 3 digits
    /// is ("1.00", -3). Taken from printf's `%e`, so the rounding is the C library's correctly rounded one.
    private static func scientificParts(_ x: Double, significant: Int) -> (mantissa: String, exponent: Int) {
        let text = String(format: "%.\(significant - 1)e", x)
        let parts = text.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            preconditionFailure("NumberFormat: unexpected %e output \"\(text)\" for \(x)")
        }
        return (String(parts[0]), exponent)
    }
}
