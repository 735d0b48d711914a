namespace NetScript.Runtime.Events;

/// <summary>An ensemble's accuracy beside each member's and the members' mean, so the gain is visible.</summary>
public sealed record EnsembleEvaluated(string Model, string Data, string Average, IReadOnlyList<(long Seed, double Accuracy)> Members,
    double MeanAccuracy, double Accuracy, long Samples) : RunEvent;
