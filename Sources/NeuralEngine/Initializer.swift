/// How a weight matrix of shape fan_in × fan_out is drawn. Each case gives its formula and paper; the rules that take
/// a variance derive it from the fans so the experiments never re-implement them.
public enum Initializer: Equatable, Sendable, CustomStringConvertible {
    /// W = 0.
    case zeros
    /// W = c everywhere (a symmetric start: every unit computes the same thing).
    case constant(Double)
    /// W ~ N(0, σ²), σ = `standardDeviation` (CS231n's "small random numbers", e.g. 0.01·randn).
    case normal(standardDeviation: Double)
    /// W ~ U[−a, a], a = `limit`.
    case uniform(limit: Double)
    /// LeCun normal: W ~ N(0, 1/fan_in) (LeCun et al. 1998, "Efficient BackProp" §4.6). CS231n's notes call this
    /// w = randn(n)/√n "Xavier"; it keeps Var[y] = Var[x] for a linear or tanh unit.
    case lecunNormal
    /// Xavier/Glorot normal: W ~ N(0, 2/(fan_in + fan_out)) (Glorot & Bengio 2010, eq. 12's variance).
    case xavierNormal
    /// Xavier/Glorot uniform: W ~ U[−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))] (Glorot & Bengio 2010, eq. 16).
    case xavierUniform
    /// He/Kaiming normal: W ~ N(0, 2/fan_in) (He et al. 2015, eq. 10: ½·n_l·Var[w_l] = 1 for ReLU).
    case heNormal
    /// He/Kaiming uniform: W ~ U[−√(6/fan_in), +√(6/fan_in)] (variance 2/fan_in, as `heNormal`).
    case heUniform

    /// The standard deviation of one entry for a layer with these fans.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        let (n, m) = (Double(fanIn), Double(fanOut))
        switch self {
        case .zeros, .constant: return 0
        case .normal(let s): return s
        case .uniform(let a): return a / 3.0.squareRoot()
        case .lecunNormal: return (1 / n).squareRoot()
        case .xavierNormal, .xavierUniform: return (2 / (n + m)).squareRoot()
        case .heNormal, .heUniform: return (2 / n).squareRoot()
        }
    }

    /// A fan_in × fan_out matrix drawn from this rule.
    public func sample<Scalar: EngineScalar>(fanIn: Int, fanOut: Int,
                                             using rng: inout SeededGenerator) -> Tensor<Scalar> {
        let std = standardDeviation(fanIn: fanIn, fanOut: fanOut)
        switch self {
        case .zeros: return Tensor(rows: fanIn, columns: fanOut, repeating: 0)
        case .constant(let c): return Tensor(rows: fanIn, columns: fanOut, repeating: Scalar(c))
        case .normal, .lecunNormal, .xavierNormal, .heNormal:
            return .normal(rows: fanIn, columns: fanOut, standardDeviation: std, using: &rng)
        case .uniform, .xavierUniform, .heUniform:
            let limit = std * 3.0.squareRoot()   // Var U[−a, a] = a²/3
            return .uniform(rows: fanIn, columns: fanOut, lower: -limit, upper: limit, using: &rng)
        }
    }

    public var description: String {
        switch self {
        case .zeros: "zeros"
        case .constant(let c): "constant \(c)"
        case .normal(let s): "N(0, \(s)²)"
        case .uniform(let a): "U[−\(a), \(a)]"
        case .lecunNormal: "LeCun N(0, 1/fan_in)"
        case .xavierNormal: "Xavier N(0, 2/(fan_in+fan_out))"
        case .xavierUniform: "Xavier U[±√(6/(fan_in+fan_out))]"
        case .heNormal: "He N(0, 2/fan_in)"
        case .heUniform: "He U[±√(6/fan_in)]"
        }
    }
}
