import NeuralEngine

/// Batch norm with its division by √(σ²_B + ε) coded as 1 — the negative control's layer: per feature d,
///
///     training:   μ_d = (1/N) Σ_n x[n,d],  x̂ = x − μ,  y = γ ⊙ x̂ + β,  running_μ ← m·running_μ + (1 − m)·μ
///     evaluation: x̂ = x − running_μ
///
/// Backward (training), with g = γ ⊙ ∂L/∂y: ∂L/∂x = g − mean_n(g), ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂, ∂L/∂β = Σ_n ∂L/∂y.
/// It centres like batch norm but keeps the weights' scale, so BN(aWu) = BN(Wu) (Ioffe & Szegedy 2015 §3.3) no
/// longer holds. A local helper: NeuralEngine has no centring-only layer.
final class Centring: Layer {
    let scale: Parameter<Float>, shift: Parameter<Float>
    private(set) var runningMean: Tensor<Float>
    private var centred: Tensor<Float>?
    private var phase = Phase.training

    init(features: Int) {
        scale = Parameter(name: "γ", value: Tensor(rows: 1, columns: features, repeating: 1), isDecayed: false)
        shift = Parameter(name: "β", value: Tensor(rows: 1, columns: features, repeating: 0), isDecayed: false)
        runningMean = Tensor(rows: 1, columns: features)
    }

    var parameters: [Parameter<Float>] { [scale, shift] }
    var description: String { "Centring(\(scale.value.columns))" }

    func forward(_ input: Tensor<Float>, phase: Phase) -> Tensor<Float> {
        var mean = runningMean
        if phase == .training {
            mean = input.columnMeans()
            runningMean = 0.9 * runningMean + 0.1 * mean
        }
        let x̂ = input.addingRowVector(-1 * mean)
        centred = x̂
        self.phase = phase
        return Self.scaling(x̂, by: scale.value).addingRowVector(shift.value)
    }

    func backward(_ outputGradient: Tensor<Float>) -> Tensor<Float> {
        guard let x̂ = centred else { preconditionFailure("Centring.backward called before forward") }
        scale.gradient = (outputGradient * x̂).columnSums()
        shift.gradient = outputGradient.columnSums()
        let g = Self.scaling(outputGradient, by: scale.value)
        return phase == .training ? g.addingRowVector(-1 * g.columnMeans()) : g
    }

    /// x with column d multiplied by v[d].
    static func scaling(_ x: Tensor<Float>, by v: Tensor<Float>) -> Tensor<Float> {
        let d = x.columns, factors = v.scalars
        return Tensor(rows: x.rows, columns: d, scalars: x.scalars.indices.map { x.scalars[$0] * factors[$0 % d] })
    }
}
