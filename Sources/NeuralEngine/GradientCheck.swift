/// Numerical gradient checking in Float64 (CS231n `gradient_check.py`): centred differences
/// (f(x + h) − f(x − h)) / 2h against the analytic gradient, scored by the relative error
/// max_i |a_i − n_i| / max(10⁻⁸, |a_i| + |n_i|), where an entry with |a_i − n_i| < 10⁻⁹ counts as exact (a bias
/// before BatchNorm has gradient exactly 0, and both sides are then rounding noise). < 10⁻⁷ is a pass; a wrong
/// derivative scores > 10⁻².
public enum GradientCheck {
    /// The relative error of an analytic against a numeric gradient (same shape).
    public static func relativeError(analytic: Tensor<Double>, numeric: Tensor<Double>) -> Double {
        Tensor.checkSameShape(analytic, numeric, "GradientCheck.relativeError")
        var worst = 0.0
        for (a, n) in zip(analytic.scalars, numeric.scalars) {
            let difference = abs(a - n)
            guard difference >= 1e-9 else { continue }
            worst = max(worst, difference / max(1e-8, abs(a) + abs(n)))
        }
        return worst
    }

    /// ∂f/∂x by centred differences with step h, perturbing one entry of `x` at a time.
    public static func numericGradient(at x: Tensor<Double>, step h: Double = 1e-5,
                                       _ f: (Tensor<Double>) -> Double) -> Tensor<Double> {
        var probe = x
        var gradient = Tensor<Double>(rows: x.rows, columns: x.columns)
        for i in 0..<x.count {
            let original = probe.scalars[i]
            probe.scalars[i] = original + h
            let plus = f(probe)
            probe.scalars[i] = original - h
            let minus = f(probe)
            probe.scalars[i] = original
            gradient.scalars[i] = (plus - minus) / (2 * h)
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
    /// (non-uniform, so a backward that mixes up entries cannot pass), against ∂f/∂x and ∂f/∂θ for every parameter.
    public static func check(_ layer: some Layer<Double>, input: Tensor<Double>, phase: Phase = .training,
                             using rng: inout SeededGenerator) -> Report {
        let output = layer.forward(input, phase: phase)
        let upstream = Tensor<Double>.normal(rows: output.rows, columns: output.columns, using: &rng)
        let analyticInput = layer.backward(upstream)
        let analyticParameters = layer.parameters.map { $0.gradient }
        func f(_ x: Tensor<Double>) -> Double { (layer.forward(x, phase: phase) * upstream).sum() }

        var errors = [(name: "input",
                       error: relativeError(analytic: analyticInput, numeric: numericGradient(at: input, f)))]
        for (parameter, analytic) in zip(layer.parameters, analyticParameters) {
            let saved = parameter.value
            let numeric = numericGradient(at: saved) { value in
                parameter.value = value
                return f(input)
            }
            parameter.value = saved
            errors.append((parameter.name, relativeError(analytic: analytic, numeric: numeric)))
        }
        return Report(errors: errors)
    }

    /// Checks a loss's gradient with respect to its input scores.
    public static func check(loss: (Tensor<Double>) -> LossResult<Double>, at scores: Tensor<Double>) -> Double {
        relativeError(analytic: loss(scores).gradient, numeric: numericGradient(at: scores) { loss($0).value })
    }
}
