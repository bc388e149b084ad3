import Foundation

/// The one seedable random generator of the project: xoshiro256** (Blackman & Vigna, 2018), its 256-bit state filled
/// from the seed by SplitMix64 as the authors recommend. Nothing in LectureClaims draws from a global or time-seeded
/// source; every random choice takes a `SeededGenerator` passed explicitly (`inout`), so a seed fixes a run.
///
///     var rng = SeededGenerator(seed: 0)
///     let w = rng.normal(mean: 0, standardDeviation: 0.01)
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// A normal deviate left over from the last Box–Muller pair, returned by the next `normal` call.
    private var spareNormal: Double?

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var s = seed
        func splitMix64() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix64(), splitMix64(), splitMix64(), splitMix64())
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform draw from [0, 1) with 53 random bits.
    public mutating func unitUniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform draw from [lower, upper).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unitUniform()
    }

    /// A normal draw N(mean, standardDeviation²) by the Box–Muller transform: from u₁ ∈ (0, 1], u₂ ∈ [0, 1),
    /// z₀ = √(−2 ln u₁)·cos 2πu₂ and z₁ = √(−2 ln u₁)·sin 2πu₂; z₁ is kept for the next call.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return mean + standardDeviation * z
        }
        let u1 = 1 - unitUniform()
        let u2 = unitUniform()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        spareNormal = radius * sin(2 * .pi * u2)
        return mean + standardDeviation * radius * cos(2 * .pi * u2)
    }

    /// A uniformly random permutation of 0..<n: Fisher–Yates written out here (not the standard library's
    /// `shuffle`, whose algorithm may change between toolchains), j drawn as `next() % (i + 1)` (bias < 2⁻⁴⁰).
    public mutating func permutation(_ n: Int) -> [Int] {
        var indices = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = Int(next() % UInt64(i + 1))
            indices.swapAt(i, j)
            i -= 1
        }
        return indices
    }

    /// A fresh generator for a sub-task (e.g. one seed's data order), derived from this one's next draw so that
    /// sub-tasks do not share a stream.
    public mutating func split() -> SeededGenerator { SeededGenerator(seed: next()) }
}

extension Tensor {
    /// A rows×columns tensor of independent N(mean, standardDeviation²) draws.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func normal(rows: Int, columns: Int, mean: Double = 0, standardDeviation: Double = 1,
                              using rng: inout SeededGenerator) -> Tensor {
        Tensor(rows: rows, columns: columns,
               scalars: (0..<rows * columns).map { _ in Scalar(rng.normal(mean: mean, standardDeviation: standardDeviation)) })
    }

    /// A rows×columns tensor of independent U[lower, upper) draws.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func uniform(rows: Int, columns: Int, lower: Double, upper: Double,
                               using rng: inout SeededGenerator) -> Tensor {
        Tensor(rows: rows, columns: columns,
               scalars: (0..<rows * columns).map { _ in Scalar(rng.uniform(lower, upper)) })
    }
}
