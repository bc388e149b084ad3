/// Whether a forward pass is part of training (batch statistics, caches for backward) or evaluation (running
/// statistics). Only the normalisation layers behave differently.
public enum Phase: Sendable {
    case training
    case evaluation
}

/// A learned tensor and the gradient of the loss with respect to it, owned by a layer.
///
/// A class, so that a layer, its network and an optimizer's state all refer to the same parameter.
public final class Parameter<Scalar: EngineScalar> {
    /// What the paper calls it, e.g. "W", "b", "γ", "β", "α".
    public let name: String
    /// The current value.
    public var value: Tensor<Scalar>
    /// ∂L/∂value from the last backward pass (same shape as `value`).
    public var gradient: Tensor<Scalar>
    /// Whether L2 weight decay applies (weights yes; biases, BatchNorm's γ/β and PReLU's α no — He et al. 2015 §2.1).
    public let isDecayed: Bool

    public init(name: String, value: Tensor<Scalar>, isDecayed: Bool) {
        self.name = name
        self.value = value
        self.gradient = Tensor(rows: value.rows, columns: value.columns)
        self.isDecayed = isDecayed
    }
}

/// A differentiable layer: `forward` maps an N×D batch to an N×M batch and keeps what `backward` needs; `backward`
/// takes ∂L/∂output (N×M), stores the gradients of the layer's parameters in them, and returns ∂L/∂input (N×D).
///
/// `backward` refers to the most recent `forward`, which must have been called in the training phase (or in the
/// evaluation phase for layers whose evaluation mode is differentiable as used).
public protocol Layer<Scalar>: AnyObject, CustomStringConvertible {
    associatedtype Scalar: EngineScalar
    /// The layer's output for `input` (N×D → N×M).
    func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar>
    /// ∂L/∂input from ∂L/∂output; parameter gradients are written into `parameters[i].gradient`.
    func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar>
    /// Like `backward`, for a caller that does not need ∂L/∂input (the first layer of a network, whose input is the
    /// data): a layer may skip that product. Parameter gradients are stored as by `backward`.
    func backwardParametersOnly(_ outputGradient: Tensor<Scalar>)
    /// The learned parameters, in a fixed order (empty for activations).
    var parameters: [Parameter<Scalar>] { get }
}

extension Layer {
    public var parameters: [Parameter<Scalar>] { [] }
    public func backwardParametersOnly(_ outputGradient: Tensor<Scalar>) { _ = backward(outputGradient) }
}

/// Layers whose forward pass caches its input for the backward pass share this check.
@inline(__always)
func requireCache<T>(_ cache: T?, _ layer: String) -> T {
    guard let cache else { preconditionFailure("\(layer).backward called before forward") }
    return cache
}
