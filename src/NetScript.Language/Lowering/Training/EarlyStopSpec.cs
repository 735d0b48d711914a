namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>early_stop(…)</c>: the metric watched, in which direction, and how long to wait.</summary>
/// <param name="Maximize">True when a larger value is better (accuracies), false for losses.</param>
public sealed record EarlyStopSpec(string Metric, int Patience, double MinDelta, bool Maximize, bool RestoreBest);
