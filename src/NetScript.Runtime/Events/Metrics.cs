namespace NetScript.Runtime.Events;

/// <summary>Mean loss and accuracy over a dataset. <see cref="Accuracy"/> is NaN for losses
/// that make no class decisions (regression); for multi-label losses it is the fraction of
/// correct label decisions. <see cref="TopK"/> is measured when training asked for `top_k`,
/// <see cref="Custom"/> (by name) when it asked for C# metrics.</summary>
public sealed record Metrics(double Loss, double Accuracy)
{
    public double? TopK { get; init; }

    public IReadOnlyDictionary<string, double>? Custom { get; init; }
}
