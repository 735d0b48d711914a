using NetScript.Runtime.Events;

namespace NetScript.Runtime.Execution;

/// <summary>What summary.json in the run folder holds.</summary>
public sealed class RunSummary
{
    public Dictionary<string, TrainingSummary> Training { get; } = new();

    public List<EvaluationSummary> Evaluations { get; } = new();

    /// <summary><see cref="Train"/>/<see cref="Validation"/> are the final (or restored best)
    /// epoch's; <see cref="Checkpoint"/> is the last checkpoint written.</summary>
    public sealed record TrainingSummary(string Data, int Epochs, Metrics Train, Metrics? Validation, double Seconds)
    {
        public int EpochsRun { get; init; }

        public int? BestEpoch { get; init; }

        public string? Checkpoint { get; init; }
    }

    public sealed record EvaluationSummary(string Model, string Data, Metrics Metrics, long Samples);
}
