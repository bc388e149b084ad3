/// Numerical gradient checking (CS231n `gradient_check.py`): centred differences (f(x + h) − f(x − h)) / 2h against
/// the analytic gradient, scored by the relative error max_i |a_i − n_i| / max(10⁻⁸, |a_i| + |n_i|), where an entry with
/// |a_i − n_i| < 10⁻⁹ counts as exact (a bias before BatchNorm has gradient exactly 0, and both sides are then rounding
/// noise). < 10⁻⁷ is a pass; a wrong derivative scores > 10⁻².
///
/// Generic over the scalar so that the same check can be run in the engine's working precision: in Float64 (the
/// project's checks) the centred difference is accurate to ~10⁻¹⁰ at h = 10⁻⁵; in Float32 rounding of x ± h and of f
/// alone costs ~10⁻² at that step, so a Float32 check cannot tell a correct backward pass from a slightly wrong one.
public enum GradientCheck {
    /// The relative error of an analytic against a numeric gradient (same shape), computed in Float64; entries that
    /// differ by less than `exactBelow` count as exact (pass 0 for the raw relative error).
    public static func relativeError<Scalar: EngineScalar>(analytic: Tensor<Scalar>, numeric: Tensor<Scalar>,
                                                           exactBelow: Double = 1e-9) -> Double {
        Tensor.checkSameShape(analytic, numeric, "GradientCheck.relativeError")
        var worst = 0.0
        for (a, n) in zip(analytic.scalars, numeric.scalars) {
            let (a, n) = (Double(a), Double(n))
            let difference = abs(a - n)
            guard difference >= exactBelow else { continue }
            worst = max(worst, difference / max(1e-8, abs(a) + abs(n)))
        }
        return worst
    }

    /// ∂f/∂x by centred differences with step h, perturbing one entry of `x` at a time (x ± h rounded to `Scalar`,
    /// divided by 2h as CS231n does).
    public static func numericGradient<Scalar: EngineScalar>(at x: Tensor<Scalar>, step h: Double = 1e-5,
                                                             _ f: (Tensor<Scalar>) -> Double) -> Tensor<Scalar> {
        var probe = x
        var gradient = Tensor<Scalar>(rows: x.rows, columns: x.columns)
        for i in 0..<x.count {
            let original = probe.scalars[i]
            probe.scalars[i] = original + Scalar(h)
            let plus = f(probe)
            probe.scalars[i] = original - Scalar(h)
            let minus = f(probe)
            probe.scalars[i] = original
            gradient.scalars[i] = Scalar((plus - minus) / (2 * h))
        }
        return gradient
    }

    /// The worst relative error per checked tensor, by name ("input", then each parameter's name).
    public struct Report: CustomStringConvertible, Sendable {
        public let errors: [(name: String, error: Double)]
        /// The largest error over all checked tensors.
        public var worst: Double { errors.map(\.error).max() ?? 0 }
        public var description: String {
            errors.map { "\($0.name): \($0.error)" }.joined(separator: ", ")
        }
    }

    /// Checks `layer`'s backward pass at `input`: f(x, θ) = Σ forward(x) ⊙ G for a fixed random upstream gradient G
    /// (non-uniform, so a backward that mixes up entries cannot pass), against ∂f/∂x and ∂f/∂θ for every parameter,
    /// with centred differences of step `h` (`exactBelow` as in `relativeError`).
    public static func check<L: Layer>(_ layer: L, input: Tensor<L.Scalar>, phase: Phase = .training,
                                       step h: Double = 1e-5, exactBelow: Double = 1e-9,
                                       using rng: inout SeededGenerator) -> Report {
        let output = layer.forward(input, phase: phase)
        let upstream = Tensor<L.Scalar>.normal(rows: output.rows, columns: output.columns, using: &rng)
        let analyticInput = layer.backward(upstream)
        let analyticParameters = layer.parameters.map { $0.gradient }
        func f(_ x: Tensor<L.Scalar>) -> Double { (layer.forward(x, phase: phase) * upstream).sum() }

        let errors = [(name: "input", error: relativeError(analytic: analyticInput, numeric: numericGradient(
            at: input, step: h, f), exactBelow: exactBelow))]
        return Report(errors: errors + parameterErrors(layer.parameters, analyticParameters, step: h,
                                                       exactBelow: exactBelow) { f(input) })
    }

    /// Checks a whole network through softmax cross-entropy on a labelled batch (training phase): ∂L/∂input from
    /// `Sequential.backward` and ∂L/∂θ for every parameter, layer by layer ("input", then "<layer index>:<name>").
    public static func check<Scalar: EngineScalar>(_ network: Sequential<Scalar>, input: Tensor<Scalar>, labels: [Int],
                                                   step h: Double = 1e-5, exactBelow: Double = 1e-9) -> Report {
        func loss(_ x: Tensor<Scalar>) -> Double {
            softmaxCrossEntropy(network.forward(x, phase: .training), labels: labels).value
        }
        let result = softmaxCrossEntropy(network.forward(input, phase: .training), labels: labels)
        let analyticInput = network.backward(result.gradient, inputGradient: true)!
        let names = network.layers.enumerated().flatMap { i, layer in layer.parameters.map { "\(i):\($0.name)" } }
        let errors = [(name: "input", error: relativeError(analytic: analyticInput, numeric: numericGradient(
            at: input, step: h, loss), exactBelow: exactBelow))]
        let parameters = parameterErrors(network.parameters, network.parameters.map(\.gradient), step: h,
                                         exactBelow: exactBelow) { loss(input) }
        return Report(errors: errors + zip(names, parameters).map { ($0, $1.error) })
    }

    /// Each parameter's analytic gradient against centred differences of `f` (which reads the parameters' values).
    private static func parameterErrors<Scalar: EngineScalar>(
        _ parameters: [Parameter<Scalar>], _ analytic: [Tensor<Scalar>], step h: Double, exactBelow: Double,
        _ f: () -> Double) -> [(name: String, error: Double)] {
        zip(parameters, analytic).map { parameter, gradient in
            let saved = parameter.value
            let numeric = numericGradient(at: saved, step: h) { value in
                parameter.value = value
                return f()
            }
            parameter.value = saved
            return (parameter.name, relativeError(analytic: gradient, numeric: numeric, exactBelow: exactBelow))
        }
    }

    /// Checks a loss's gradient with respect to its input scores.
    public static func check<Scalar: EngineScalar>(loss: (Tensor<Scalar>) -> LossResult<Scalar>, at scores: Tensor<Scalar>,
                                                   step h: Double = 1e-5, exactBelow: Double = 1e-9) -> Double {
        relativeError(analytic: loss(scores).gradient, numeric: numericGradient(at: scores, step: h) { loss($0).value },
                      exactBelow: exactBelow)
    }
}
