import ClaimKit
import Foundation
import NeuralEngine

/// Claim A3 of CLAIMS.md: the exp() inside sigmoid is a bit compute-expensive next to ReLU, but minor next to the
/// matrix product of the layer it follows. Timings are turned into ratios within one run (minimum over the
/// repetitions) and only ratios leave this file. Negative control: a piecewise-linear hard sigmoid (no exp).
@main
struct ExpIsExpensive: ClaimExperiment {
    struct Settings: Sendable {
        /// Batch N and layer width M: every activation acts on N×M pre-activations, the output of a fan_in → M layer.
        var batch = 256, width = 1024
        var fanIns = [16, 64, 128, 256, 512, 1024]
        /// Timed rounds (each operation once per round, interleaved); the minimum over rounds is kept.
        var repetitions = 40
        var warmUp = 2
    }
    static let full = Settings()
    static let quick = Settings(repetitions: 20)
    /// Timings: one seed at a time, so that no other seed competes for the core being timed.
    static let seedsInParallel = false

    struct Metrics: SeedMetrics {
        /// t(sigmoid forward) / t(ReLU forward), on the same N×M pre-activations.
        var expToReLU = 0.0
        /// The largest t(sigmoid forward) / t(Linear forward) over fan_in ≥ 512.
        var expToMatmul = 0.0
    }

    struct Extra: SeedMetrics {
        /// Forward ÷ ReLU forward: tanh, ELU, leaky ReLU and the hard sigmoid (the rejected alternative).
        var tanhToReLU = 0.0, eluToReLU = 0.0, leakyToReLU = 0.0, hardSigmoidToReLU = 0.0
        /// The engine's sigmoid forward ÷ Linear forward at fan_in 1024 and at the smallest fan_in.
        var expToMatmul1024 = 0.0, expToMatmulSmallest = 0.0
        /// Per activation: forward and backward time per element ÷ ReLU forward.
        var forward: [String: Double] = [:], backward: [String: Double] = [:]
        /// Per fan_in: Linear forward and backward time per output element ÷ ReLU forward.
        var linearForward: [Int: Double] = [:], linearBackward: [Int: Double] = [:]
        /// Per activation, per fan_in (settings order): its forward ÷ the Linear forward it follows.
        var toMatmul: [String: [Double]] = [:]
    }

    struct Facts: ClaimFacts {
        /// The machine the ratios were measured on: /proc/cpuinfo's model name and OpenBLAS's version and kernel.
        var cpu = "", blas = ""
        /// The figures' values (means over seeds, two digits): forward ÷ ReLU forward, and sigmoid's and the
        /// vectorised sigmoid's forward ÷ Linear forward at fan_in 1024 and 512 and at the smallest fan_in.
        var sigmoid = 0.0, vectorised = 0.0, tanh = 0.0, elu = 0.0, hardSigmoid = 0.0, eluBackward = 0.0
        var sigmoid1024 = 0.0, sigmoidSmallest = 0.0, vectorised512 = 0.0, relu512 = 0.0
        var smallestFanIn = 0
        /// Per-seed ranges of the ruled and quoted ratios, written with their two digits ("36–50", not "36.0–50.0").
        var expToReLU = "", expToMatmul = "", expToMatmul1024 = "", expToMatmulSmallest = "", hardSigmoidToReLU = ""
        var controlExpToReLU = "", controlExpToMatmul = ""
        /// Where the engine's sigmoid (mean over seeds) first falls below the rule's 0.5 of the product: between
        /// fan_in `crossAbove` (ratio `crossAboveRatio` ≥ 0.5) and the next fan_in `crossBelow` (`crossBelowRatio`).
        var crosses = false, neverAbove = false
        /// The cheap alternatives fail a rule on every seed: the hard sigmoid ≤ 2 × ReLU, the smallest fan_in ≥ 0.5.
        var hardSigmoidFails = false, smallestFanInFails = false
        var crossAbove = 0, crossBelow = 0, crossAboveRatio = 0.0, crossBelowRatio = 0.0
    }

    /// "0.72–0.78", or one value when all seeds agree, without padding zeros.
    static func range(_ values: [Double]) -> String {
        let (low, high) = (Numbers.compact(values.min()!), Numbers.compact(values.max()!))
        return low == high ? low : "\(low)–\(high)"
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("exp-to-relu", \Metrics.expToReLU, .greaterThan(2)),
        Rule("exp-to-matmul", \Metrics.expToMatmul, .lessThan(0.5)),
    ]

    /// The activations timed, in figure order; "hard sigmoid" is the control.
    static let activations: [(name: String, make: @Sendable () -> any Layer<Float>)] = [
        ("ReLU", { Activation(.relu) }), ("leaky ReLU", { Activation(.leakyReLU(slope: 0.01)) }),
        ("hard sigmoid", { HardSigmoid() }), ("sigmoid", { Activation(.sigmoid) }),
        ("sigmoid, vectorised exp", { VectorisedSigmoid() }), ("tanh", { Activation(.tanh) }),
        ("ELU", { Activation(.elu(alpha: 1)) }),
    ]

    static func measure(seed: Int, settings s: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let t = Timings(settings: s, using: &rng)
        let relu = t.forward["ReLU"]!, round = Timings.twoDigits
        func toMatmul(_ name: String) -> [Double] { s.fanIns.map { round(t.forward[name]! / t.linearForward[$0]!) } }
        func metrics(_ name: String) -> Metrics {
            Metrics(expToReLU: round(t.forward[name]! / relu),
                    expToMatmul: zip(s.fanIns, toMatmul(name)).filter { $0.0 >= 512 }.map(\.1).max()!)
        }
        let sigmoid = toMatmul("sigmoid")
        let extra = Extra(
            tanhToReLU: round(t.forward["tanh"]! / relu), eluToReLU: round(t.forward["ELU"]! / relu),
            leakyToReLU: round(t.forward["leaky ReLU"]! / relu), hardSigmoidToReLU: round(t.forward["hard sigmoid"]! / relu),
            expToMatmul1024: sigmoid[s.fanIns.firstIndex(of: 1024)!], expToMatmulSmallest: sigmoid[0],
            forward: t.forward.mapValues { round($0 / relu) }, backward: t.backward.mapValues { round($0 / relu) },
            linearForward: t.linearForward.mapValues { round($0 / relu) },
            linearBackward: t.linearBackward.mapValues { round($0 / relu) },
            toMatmul: Dictionary(uniqueKeysWithValues: activations.map { ($0.name, toMatmul($0.name)) }))
        return Outcome(claim: metrics("sigmoid"), control: metrics("sigmoid, vectorised exp"), extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) }
        func forward(_ name: String) -> Double { mean(run.extra(\.forward).map { $0[name]! }) }
        func toMatmul(_ name: String, _ fanIn: Int) -> Double {
            mean(run.extra(\.toMatmul).map { $0[name]![run.settings.fanIns.firstIndex(of: fanIn)!] })
        }
        let smallest = run.settings.fanIns.min()!, fanIns = run.settings.fanIns
        let below = fanIns.indices.first { toMatmul("sigmoid", fanIns[$0]) < 0.5 }
        let crossing = below.flatMap { $0 > 0 ? ($0 - 1, $0) : nil }
        return Facts(cpu: model ?? "unknown CPU", blas: BLASThreads.versionAndKernel, sigmoid: forward("sigmoid"),
                     vectorised: forward("sigmoid, vectorised exp"), tanh: forward("tanh"), elu: forward("ELU"),
                     hardSigmoid: forward("hard sigmoid"), eluBackward: mean(run.extra(\.backward).map { $0["ELU"]! }),
                     sigmoid1024: toMatmul("sigmoid", 1024),
                     sigmoidSmallest: toMatmul("sigmoid", smallest), vectorised512: toMatmul("sigmoid, vectorised exp", 512),
                     relu512: toMatmul("ReLU", 512), smallestFanIn: smallest,
                     expToReLU: range(run.claim(\.expToReLU)), expToMatmul: range(run.claim(\.expToMatmul)),
                     expToMatmul1024: range(run.extra(\.expToMatmul1024)),
                     expToMatmulSmallest: range(run.extra(\.expToMatmulSmallest)),
                     hardSigmoidToReLU: range(run.extra(\.hardSigmoidToReLU)),
                     controlExpToReLU: range(run.control(\.expToReLU)),
                     controlExpToMatmul: range(run.control(\.expToMatmul)), crosses: crossing != nil,
                     neverAbove: below == 0, hardSigmoidFails: run.extra(\.hardSigmoidToReLU).allSatisfy { $0 <= 2 },
                     smallestFanInFails: run.extra(\.expToMatmulSmallest).allSatisfy { $0 >= 0.5 },
                     crossAbove: crossing.map { fanIns[$0.0] } ?? 0, crossBelow: crossing.map { fanIns[$0.1] } ?? 0,
                     crossAboveRatio: crossing.map { toMatmul("sigmoid", fanIns[$0.0]) } ?? 0,
                     crossBelowRatio: crossing.map { toMatmul("sigmoid", fanIns[$0.1]) } ?? 0)
    }
}
