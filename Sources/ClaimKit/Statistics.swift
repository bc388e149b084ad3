import Foundation

/// Summary of one metric over seeds: mean, sample standard deviation, a 95% confidence interval for the mean
/// (Student's t with n − 1 degrees of freedom), minimum and maximum. NaN values (a diverged seed) make every summary NaN.
public struct Summary: Sendable, Equatable, Codable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n − 1 in the denominator); 0 for one seed.
    public let standardDeviation: Double
    /// mean ± t₀.₉₇₅,ₙ₋₁ · s/√n; equal to the mean for one seed (no interval can be given).
    public let confidenceInterval95: ClosedRangeCodable
    public let minimum: Double
    public let maximum: Double

    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "Summary: no values")
        let n = Double(values.count)
        count = values.count
        mean = values.reduce(0, +) / n
        let m = mean
        standardDeviation = values.count > 1
            ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : 0
        let halfWidth = values.count > 1 ? Summary.studentT975(degreesOfFreedom: values.count - 1)
            * standardDeviation / n.squareRoot() : 0
        confidenceInterval95 = ClosedRangeCodable(lower: mean - halfWidth, upper: mean + halfWidth)
        minimum = values.contains(where: \.isNaN) ? .nan : values.min()!
        maximum = values.contains(where: \.isNaN) ? .nan : values.max()!
    }

    /// The 0.975 quantile of Student's t distribution (two-sided 95%), from the standard table; ν > 30 uses 1.96.
    static func studentT975(degreesOfFreedom nu: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        return nu >= 1 && nu <= table.count ? table[nu - 1] : 1.96
    }
}

/// A closed interval that encodes as `[lower, upper]`.
public struct ClosedRangeCodable: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        lower = try container.decode(Double.self)
        upper = try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(lower)
        try container.encode(upper)
    }
}
