namespace NetScript.Runtime.Comparison;

/// <summary>Several trainings side by side on one metric: what <c>netscript compare</c> prints and
/// plots. <see cref="HigherIsBetter"/> decides which value is "best".</summary>
public sealed record RunComparison(string Metric, bool HigherIsBetter, IReadOnlyList<ComparedTraining> Trainings, string? Plot);
