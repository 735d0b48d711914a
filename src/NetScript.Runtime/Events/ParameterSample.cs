namespace NetScript.Runtime.Events;

/// <summary>One parameter tensor of a layer (<c>weight</c>, <c>bias</c>) at a sampled step:
/// its norm before the update, its gradient's norm (null when it received none, e.g.
/// frozen) and the norm of the update the optimizer applied.</summary>
public sealed record ParameterSample(string Name, double Norm, double? GradientNorm, double UpdateNorm)
{
    /// <summary>‖Δθ‖ / ‖θ‖; null for an all-zero tensor.</summary>
    public double? UpdateRatio => Norm > 0 ? UpdateNorm / Norm : null;
}
