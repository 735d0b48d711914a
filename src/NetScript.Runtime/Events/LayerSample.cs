namespace NetScript.Runtime.Events;

/// <summary>One layer (a child of the model's Sequential, e.g. <c>dense1</c>, <c>relu1</c>)
/// at a sampled step. Activation statistics are over every element of the layer's output
/// for the sampled mini-batch. <see cref="ZeroFraction"/> and <see cref="DeadFraction"/>
/// exist for rectifiers (ReLU family), <see cref="SaturatedFraction"/> for squashing units
/// (tanh, sigmoid); they are null for other layers.</summary>
/// <param name="Index">Position in the model, 0 = first layer.</param>
/// <param name="Kind">The module type, e.g. <c>Linear</c>, <c>ReLU</c>, <c>Tanh</c>.</param>
/// <param name="ZeroFraction">Share of output elements that are exactly 0 in this batch.</param>
/// <param name="DeadFraction">Share of units (features or channels) that were not positive
/// for any input of the last few sampled batches (dead ReLUs).</param>
/// <param name="SaturatedFraction">Share of outputs in the flat tails (|tanh| &gt; 0.9, or
/// the same for sigmoid rescaled to [-1, 1]) where the local gradient is under 19% of its
/// peak.</param>
public sealed record LayerSample(
    string Layer,
    string Kind,
    int Index,
    double Mean,
    double Std,
    double Min,
    double Max,
    double? ZeroFraction,
    double? DeadFraction,
    double? SaturatedFraction,
    ActivationHistogram Histogram,
    IReadOnlyList<ParameterSample> Parameters)
{
    /// <summary>‖θ‖ over all the layer's parameters; null for a layer without any.</summary>
    public double? WeightNorm => Parameters.Count == 0 ? null : Math.Sqrt(Parameters.Sum(p => p.Norm * p.Norm));

    /// <summary>‖∇θ‖ over all the layer's parameters that received a gradient.</summary>
    public double? GradientNorm => Parameters.Any(p => p.GradientNorm is not null)
        ? Math.Sqrt(Parameters.Sum(p => p.GradientNorm is { } g ? g * g : 0))
        : null;

    /// <summary>‖Δθ‖ / ‖θ‖ of this step's update over the layer's parameters; the usual rule
    /// of thumb is about 1e-3 (much lower: learning rate too low; much higher: too high).</summary>
    public double? UpdateRatio => WeightNorm is { } w && w > 0
        ? Math.Sqrt(Parameters.Sum(p => p.UpdateNorm * p.UpdateNorm)) / w
        : null;
}
