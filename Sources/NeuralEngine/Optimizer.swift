import Foundation

/// Updates parameters from their gradients. An optimizer keeps per-parameter state (velocity, moments) keyed by the
/// parameter's identity, so one optimizer serves one network.
///
///     optimizer.update(network)     // after network.backward(…)
public protocol Optimizer<Scalar>: AnyObject, CustomStringConvertible {
    associatedtype Scalar: EngineScalar
    /// The step size (may be changed between steps, e.g. by a schedule).
    var learningRate: Double { get set }
    /// One step on every parameter, from `parameter.gradient` (plus L2 decay λ·w where the parameter decays).
    func update(_ parameters: [Parameter<Scalar>])
}

extension Optimizer {
    /// One step on every parameter of `network`.
    public func update(_ network: Sequential<Scalar>) { update(network.parameters) }
}

/// The gradient with L2 weight decay added: g + λ·w for decayed parameters, g otherwise.
func decayedGradient<Scalar>(_ parameter: Parameter<Scalar>, weightDecay: Double) -> Tensor<Scalar> {
    guard weightDecay != 0, parameter.isDecayed else { return parameter.gradient }
    var g = parameter.gradient
    g.add(parameter.value, scaledBy: Scalar(weightDecay))
    return g
}

/// Plain stochastic gradient descent: w ← w − η·g.
public final class SGD<Scalar: EngineScalar>: Optimizer {
    public var learningRate: Double
    public let weightDecay: Double

    public init(learningRate: Double, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    public var description: String { "SGD(η: \(learningRate))" }

    public func update(_ parameters: [Parameter<Scalar>]) {
        for p in parameters { p.value.add(decayedGradient(p, weightDecay: weightDecay), scaledBy: Scalar(-learningRate)) }
    }
}

/// SGD with momentum (Polyak's heavy ball, in CS231n's form): v ← μ·v − η·g, w ← w + v.
/// With `nesterov`, the look-ahead form of the CS231n notes (Sutskever et al. 2013):
/// v_prev = v, v ← μ·v − η·g, w ← w − μ·v_prev + (1 + μ)·v. v starts at 0.
public final class Momentum<Scalar: EngineScalar>: Optimizer {
    public var learningRate: Double
    public let momentum: Double
    public let nesterov: Bool
    public let weightDecay: Double
    private var velocity: [ObjectIdentifier: Tensor<Scalar>] = [:]

    public init(learningRate: Double, momentum: Double = 0.9, nesterov: Bool = false, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public var description: String { "\(nesterov ? "Nesterov" : "Momentum")(η: \(learningRate), μ: \(momentum))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        let mu = Scalar(momentum), eta = Scalar(learningRate)
        for p in parameters {
            let g = decayedGradient(p, weightDecay: weightDecay)
            var v = velocity[ObjectIdentifier(p)] ?? Tensor(rows: g.rows, columns: g.columns)
            velocity[ObjectIdentifier(p)] = nil   // keep v uniquely referenced: update in place
            v.scalars.withUnsafeMutableBufferPointer { v in
                p.value.scalars.withUnsafeMutableBufferPointer { w in
                    g.scalars.withUnsafeBufferPointer { g in
                        if nesterov {
                            for i in 0..<v.count {
                                let previous = v[i]
                                v[i] = mu * v[i] - eta * g[i]
                                w[i] += -mu * previous + (1 + mu) * v[i]
                            }
                        } else {
                            for i in 0..<v.count {
                                v[i] = mu * v[i] - eta * g[i]
                                w[i] += v[i]
                            }
                        }
                    }
                }
            }
            velocity[ObjectIdentifier(p)] = v
        }
    }
}

/// Adam (Kingma & Ba 2015, Algorithm 1): t ← t + 1, m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), w ← w − η·m̂/(√v̂ + ε). m and v start at 0.
public final class Adam<Scalar: EngineScalar>: Optimizer {
    public var learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let weightDecay: Double
    /// Steps taken so far (t).
    public private(set) var step = 0
    private var moments: [ObjectIdentifier: (m: Tensor<Scalar>, v: Tensor<Scalar>)] = [:]

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public var description: String { "Adam(η: \(learningRate), β₁: \(beta1), β₂: \(beta2), ε: \(epsilon))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        step += 1
        let b1 = Scalar(beta1), b2 = Scalar(beta2), eps = Scalar(epsilon)
        let correction1 = Scalar(1 - pow(beta1, Double(step))), correction2 = Scalar(1 - pow(beta2, Double(step)))
        let eta = Scalar(learningRate)
        for p in parameters {
            let g = decayedGradient(p, weightDecay: weightDecay)
            var (m, v) = moments[ObjectIdentifier(p)]
                ?? (Tensor(rows: g.rows, columns: g.columns), Tensor(rows: g.rows, columns: g.columns))
            moments[ObjectIdentifier(p)] = nil
            m.scalars.withUnsafeMutableBufferPointer { m in
                v.scalars.withUnsafeMutableBufferPointer { v in
                    p.value.scalars.withUnsafeMutableBufferPointer { w in
                        g.scalars.withUnsafeBufferPointer { g in
                            for i in 0..<m.count {
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                w[i] -= eta * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
            moments[ObjectIdentifier(p)] = (m, v)
        }
    }
}
