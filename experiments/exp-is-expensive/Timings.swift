import Foundation
import NeuralEngine

/// Wall-clock times (monotonic clock, nanoseconds) of each activation's forward and backward pass on N×M
/// pre-activations and of the Linear layer (fan_in → M) it follows, each the minimum over interleaved rounds: a
/// round times every operation once (right after an untimed call, so each finds its data in cache), so a burst of
/// load from other processes slows all of them alike and the minimum keeps a quiet round. Never leaves the
/// experiment as seconds: `ExpIsExpensive` turns it into ratios.
struct Timings {
    var forward: [String: Double] = [:], backward: [String: Double] = [:]
    var linearForward: [Int: Double] = [:], linearBackward: [Int: Double] = [:]

    init(settings s: ExpIsExpensive.Settings, using rng: inout SeededGenerator) {
        // Pre-activations N(0, 1) (random signs, as after a Xavier layer) and an upstream gradient.
        let z = Tensor<Float>.normal(rows: s.batch, columns: s.width, using: &rng)
        let dy = Tensor<Float>.normal(rows: s.batch, columns: s.width, using: &rng)
        var operations: [(record: (inout Timings, Double) -> Void, run: () -> Void)] = []
        for (name, make) in ExpIsExpensive.activations {
            let layer = make()
            _ = layer.forward(z, phase: .training)
            operations.append(({ $0.forward[name] = min($0.forward[name] ?? .infinity, $1) },
                               { _ = layer.forward(z, phase: .training) }))
            operations.append(({ $0.backward[name] = min($0.backward[name] ?? .infinity, $1) },
                               { _ = layer.backward(dy) }))
        }
        for fanIn in s.fanIns {
            let linear = Linear<Float>(fanIn, s.width, initializer: .xavierNormal, using: &rng)
            let x = Tensor<Float>.normal(rows: s.batch, columns: fanIn, using: &rng)
            _ = linear.forward(x, phase: .training)
            operations.append(({ $0.linearForward[fanIn] = min($0.linearForward[fanIn] ?? .infinity, $1) },
                               { _ = linear.forward(x, phase: .training) }))
            operations.append(({ $0.linearBackward[fanIn] = min($0.linearBackward[fanIn] ?? .infinity, $1) },
                               { _ = linear.backward(dy) }))
        }
        for round in 0..<(s.warmUp + s.repetitions) {
            for operation in operations {
                operation.run()   // untimed: the same inputs in cache for every operation, whatever ran before
                let start = DispatchTime.now().uptimeNanoseconds
                operation.run()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
                if round >= s.warmUp { operation.record(&self, elapsed) }
            }
        }
    }

    /// A ratio rounded to two significant digits: timings move between runs, so the report shows no more.
    static func twoDigits(_ x: Double) -> Double {
        Double(String(format: "%.2g", x)) ?? x
    }
}

/// The control: a piecewise-linear "hard sigmoid" y = clamp(0.2x + 0.5, 0, 1) (Courbariaux et al. 2015), no exp;
/// derivative 0.2 inside (0, 1), else 0. Written like the engine's `Activation` loops (one output buffer, a
/// vectorisable loop), so that it is timed through the same measurement.
final class HardSigmoid: Layer {
    private var output: Tensor<Float>?
    var description: String { "HardSigmoid()" }

    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> {
        let y = Tensor<Float>(rows: input.rows, columns: input.columns) { y in
            input.scalars.withUnsafeBufferPointer { x in
                for i in 0..<y.count { y[i] = min(1, max(0, 0.2 * x[i] + 0.5)) }
            }
        }
        output = y
        return y
    }

    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> {
        let y = output!
        return Tensor<Float>(rows: y.rows, columns: y.columns) { dx in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                y.scalars.withUnsafeBufferPointer { y in
                    for i in 0..<dx.count { let g = dy[i]; dx[i] = y[i] > 0 && y[i] < 1 ? 0.2 * g : 0 }
                }
            }
        }
    }
}

/// The positive control: the same σ(x) = 1/(1 + e⁻ˣ), with e⁻ˣ computed by a branch-free polynomial that the compiler
/// vectorises (Cephes `expf`: n = round(t/ln 2), r = t − n·ln 2 in two parts, a degree-6 polynomial in r, times 2ⁿ
/// built from the exponent bits; t clamped to [−87, 88]) instead of one libm `expf` call per entry behind a branch.
/// Accurate to ~1e−7 (checked against `Activation(.sigmoid)` in the tests). Backward as the engine's: dy·y(1 − y).
final class VectorisedSigmoid: Layer {
    private var output: Tensor<Float>?
    var description: String { "VectorisedSigmoid()" }

    @inline(__always) static func expNegative(_ x: Float) -> Float {
        let t = min(max(-x, -87), 88)
        let m = t * 1.442_695_04 + 12_582_912   // 1.5·2²³: the float's low mantissa bits now hold round(t/ln 2)
        let n = m - 12_582_912
        let r = t - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        return p * Float(bitPattern: (m.bitPattern &- 0x4B40_0000 &+ 127) << 23)
    }

    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> {
        let y = Tensor<Float>(rows: input.rows, columns: input.columns) { y in
            input.scalars.withUnsafeBufferPointer { x in
                for i in 0..<y.count { y[i] = 1 / (1 + Self.expNegative(x[i])) }
            }
        }
        output = y
        return y
    }

    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> {
        let y = output!
        return Tensor<Float>(rows: y.rows, columns: y.columns) { dx in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                y.scalars.withUnsafeBufferPointer { y in
                    for i in 0..<dx.count { dx[i] = dy[i] * y[i] * (1 - y[i]) }
                }
            }
        }
    }
}
