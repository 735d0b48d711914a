namespace NetScript.Runtime.Events;

/// <summary>A reduce-on-plateau schedule lowered the rate after epoch <see cref="Epoch"/>:
/// <see cref="Metric"/> had not improved for <see cref="Patience"/> epochs.</summary>
public sealed record LearningRateReduced(string Model, int Epoch, string Metric, int Patience, double From, double To) : RunEvent;
