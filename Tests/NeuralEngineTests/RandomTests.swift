import Testing
import NeuralEngine

/// `SeededGenerator` against the authors' reference implementation and against the distributions it promises.
struct RandomTests {
    /// The first five outputs of xoshiro256** with its state filled by SplitMix64 from the seed, as printed by the
    /// reference C code of Blackman & Vigna (prng.di.unimi.it: xoshiro256starstar.c, splitmix64.c), compiled with
    /// clang and run once: `x = seed; s[i] = splitmix64_next() for i in 0..<4; print next() five times`.
    static let reference: [(seed: UInt64, outputs: [UInt64])] = [
        (0, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
             0xBBA5_AD4A_1F84_2E59]),
        (42, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
              0xFDE6_DC7F_E2EC_5E64]),
    ]

    @Test func matchesTheReferenceImplementation() {
        for (seed, outputs) in Self.reference {
            var rng = SeededGenerator(seed: seed)
            #expect((0..<5).map { _ in rng.next() } == outputs, "seed \(seed)")
        }
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let streamA = (0..<1000).map { _ in a.next() }
        #expect(streamA == (0..<1000).map { _ in b.next() })
        let streamC = (0..<1000).map { _ in c.next() }
        // Two independent 64-bit streams share a value at a given position with probability 1000/2⁶⁴.
        #expect(zip(streamA, streamC).allSatisfy { $0 != $1 })
        // Normal draws and permutations are functions of the stream too.
        var d = SeededGenerator(seed: 7), e = SeededGenerator(seed: 7)
        #expect((0..<11).map { _ in d.normal() } == (0..<11).map { _ in e.normal() })
        #expect(d.permutation(50) == e.permutation(50))
    }

    @Test func splitGivesAStreamOfItsOwn() {
        var parent = SeededGenerator(seed: 9)
        var child = parent.split()
        let (p, c) = ((0..<100).map { _ in parent.next() }, (0..<100).map { _ in child.next() })
        #expect(Set(p).isDisjoint(with: c))
        // split() is SeededGenerator(seed: parent's next draw).
        var replay = SeededGenerator(seed: 9)
        var expectedChild = SeededGenerator(seed: replay.next())
        #expect(c == (0..<100).map { _ in expectedChild.next() })
    }

    @Test func normalDrawsHaveMeanZeroAndStandardDeviationOne() {
        // n = 100 000 standard normal draws: the sample mean has standard error 1/√n = 0.0032 and the sample standard
        // deviation ≈ 1/√(2n) = 0.0022. Tolerance: five standard errors.
        var rng = SeededGenerator(seed: 71)
        let n = 100_000.0
        let (mean, std) = meanAndStandardDeviation((0..<Int(n)).map { _ in rng.normal() })
        #expect(abs(mean) < 5 / n.squareRoot(), "mean \(mean)")
        #expect(abs(std - 1) < 5 / (2 * n).squareRoot(), "std \(std)")
        // With a location and scale: N(10, 2²) — including the cached second Box–Muller value, which must be scaled
        // by the *current* call's arguments.
        let (shiftedMean, shiftedStd) = meanAndStandardDeviation((0..<Int(n)).map { _ in
            rng.normal(mean: 10, standardDeviation: 2)
        })
        #expect(abs(shiftedMean - 10) < 5 * 2 / n.squareRoot(), "mean \(shiftedMean)")
        #expect(abs(shiftedStd - 2) < 5 * 2 / (2 * n).squareRoot(), "std \(shiftedStd)")
        // The fraction within one σ is Φ(1) − Φ(−1) = 0.682689…; a proportion's standard error is √(p(1 − p)/n) ≈ 0.0015.
        var check = SeededGenerator(seed: 72)
        let inside = Double((0..<Int(n)).filter { _ in abs(check.normal()) < 1 }.count) / n
        #expect(abs(inside - 0.682_689_492) < 5 * (0.6827 * 0.3173 / n).squareRoot(), "fraction within 1σ: \(inside)")
    }

    @Test func uniformDrawsCoverTheirInterval() {
        // U[0, 1): mean 1/2, standard deviation 1/√12; n = 100 000, tolerance five standard errors.
        var rng = SeededGenerator(seed: 73)
        let n = 100_000.0
        let draws = (0..<Int(n)).map { _ in rng.unitUniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let (mean, std) = meanAndStandardDeviation(draws)
        #expect(abs(mean - 0.5) < 5 * (1 / 12.0).squareRoot() / n.squareRoot(), "mean \(mean)")
        #expect(abs(std - (1 / 12.0).squareRoot()) < 5 * (1 / 12.0).squareRoot() / (2 * n).squareRoot(), "std \(std)")
        let scaled = (0..<1000).map { _ in rng.uniform(-3, 5) }
        #expect(scaled.allSatisfy { $0 >= -3 && $0 < 5 })
    }

    @Test(arguments: [0, 1, 2, 3, 10, 1000])
    func permutationIsAPermutation(n: Int) {
        var rng = SeededGenerator(seed: 74)
        let p = rng.permutation(n)
        #expect(p.count == n)
        #expect(p.sorted() == Array(0..<n))
    }

    @Test func permutationsOfThreeAreEquallyLikely() {
        // 60 000 permutations of 3 elements: each of the 3! = 6 orders expected 10 000 times, with binomial standard
        // deviation √(60 000·(1/6)·(5/6)) ≈ 91. Tolerance: five standard deviations.
        var rng = SeededGenerator(seed: 75)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<60_000 { counts[rng.permutation(3), default: 0] += 1 }
        #expect(counts.count == 6)
        let sd = (60_000.0 * (1.0 / 6) * (5.0 / 6)).squareRoot()
        for (order, count) in counts { #expect(abs(Double(count) - 10_000) < 5 * sd, "\(order): \(count)") }
    }

    @Test func tensorDrawsUseTheGeneratorInRowMajorOrder() {
        // Tensor.normal draws entry i from the i-th normal() call; Tensor.uniform likewise from uniform(lower, upper).
        var a = SeededGenerator(seed: 76), b = SeededGenerator(seed: 76)
        let t = Tensor<Double>.normal(rows: 3, columns: 4, mean: 1, standardDeviation: 0.5, using: &a)
        #expect(t.scalars == (0..<12).map { _ in b.normal(mean: 1, standardDeviation: 0.5) })
        let u = Tensor<Double>.uniform(rows: 2, columns: 3, lower: -1, upper: 2, using: &a)
        #expect(u.scalars == (0..<6).map { _ in b.uniform(-1, 2) })
    }
}
