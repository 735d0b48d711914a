namespace NetScript.Runtime.Events;

/// <summary>Early stopping ended a run: <see cref="Metric"/> last improved at
/// <see cref="BestEpoch"/> (value <see cref="Best"/>) and had not for the patience since.</summary>
public sealed record EarlyStopped(string Model, int Epoch, string Metric, double Best, int BestEpoch, bool Restored) : RunEvent;
