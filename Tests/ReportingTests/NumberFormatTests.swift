import Testing
import Reporting

struct NumberFormatTests {
    @Test(arguments: [
        (0.23456, 3, "0.235"),
        (0.5, 3, "0.500"),
        (0.0, 3, "0"),
        (-0.0, 3, "0"),
        (-0.23456, 2, "-0.23"),
        (1.0, 1, "1"),
        (784.0, 3, "784"),
        (9.9996, 3, "10.0"),
        (12345.6, 3, "12300"),
        (12345.6, 6, "12345.6"),
        (99999.9, 3, "1.00e5"),
        (150000.0, 2, "1.5e5"),
        (-2.5e7, 2, "-2.5e7"),
        (0.001234, 3, "0.00123"),
        (0.00099996, 3, "0.00100"),
        (0.0009, 2, "9.0e-4"),
        (7.7e-6, 2, "7.7e-6"),
        (1e-7, 2, "1.0e-7"),
        (-3.14159e-12, 3, "-3.14e-12"),
        (1.23e100, 3, "1.23e100"),
        (Double.nan, 3, "NaN"),
        (Double.infinity, 3, "∞"),
        (-Double.infinity, 3, "-∞"),
    ])
    func significantDigits(x: Double, significant: Int, expected: String) {
        #expect(NumberFormat.format(x, significant: significant) == expected)
    }

    @Test func float32IsFormattedLikeItsDoubleValue() {
        #expect(NumberFormat.format(Float(0.1), significant: 3) == "0.100")
        #expect(NumberFormat.format(Float.nan, significant: 3) == "NaN")
    }

    @Test(arguments: [
        (0.23456, 0.0041, 3, "0.235 ± 0.004"),
        (0.23, 0.0, 2, "0.23 ± 0.00"),
        (0.0, 0.012, 2, "0.000 ± 0.012"),
        (-0.0001, 0.5, 3, "0.000 ± 0.500"),
        (12345.6, 78.9, 3, "12300 ± 100"),
        (7.7e-6, 3.1e-7, 2, "(7.7 ± 0.3)e-6"),
        (2.5e6, 1.2e5, 3, "(2.50 ± 0.12)e6"),
        (0.0, 0.0, 3, "0 ± 0"),
        (Double.nan, 0.1, 2, "NaN ± 0.10"),
        (1.0, Double.infinity, 2, "1.0 ± ∞"),
    ])
    func meanPlusMinusStd(mean: Double, std: Double, significant: Int, expected: String) {
        #expect(NumberFormat.format(mean: mean, std: std, significant: significant) == expected)
    }

    @Test func percentagesAndFixedDecimals() {
        #expect(NumberFormat.percent(0.1234) == "12.3%")
        #expect(NumberFormat.percent(1.0, decimals: 0) == "100%")
        #expect(NumberFormat.percent(-0.00001) == "0.0%")
        #expect(NumberFormat.percent(Double.nan) == "NaN")
        #expect(NumberFormat.percent(-Double.infinity) == "-∞")
        #expect(NumberFormat.fixed(0.2, decimals: 2) == "0.20")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-1.005, decimals: 1) == "-1.0")
    }
}
