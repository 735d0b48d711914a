using NetScript.Runtime.Events;

namespace NetScript.Runtime.Execution;

/// <summary>What summary.json in the run folder holds.</summary>
public sealed class RunSummary
{
    public Dictionary<string, TrainingSummary> Training { get; } = new();

    public List<EvaluationSummary> Evaluations { get; } = new();

    public sealed record TrainingSummary(string Data, int Epochs, Metrics Train, Metrics? Validation, double Seconds);

    public sealed record EvaluationSummary(string Model, string Data, Metrics Metrics, long Samples);
}
