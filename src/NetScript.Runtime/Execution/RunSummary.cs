using NetScript.Runtime.Events;

namespace NetScript.Runtime.Execution;

/// <summary>What summary.json in the run folder holds.</summary>
public sealed class RunSummary
{
    public Dictionary<string, TrainingSummary> Training { get; } = new();

    public List<EvaluationSummary> Evaluations { get; } = new();

    /// <summary>Cross-validations by their name in the run folder (their folds are the
    /// trainings named NAME-fold1 … in <see cref="Training"/>).</summary>
    public Dictionary<string, CrossValidationSummary> CrossValidation { get; } = new();

    /// <summary><see cref="Train"/>/<see cref="Validation"/> are the final (or restored best)
    /// epoch's; <see cref="Checkpoint"/> is the last checkpoint written.</summary>
    public sealed record TrainingSummary(string Data, int Epochs, Metrics Train, Metrics? Validation, double Seconds)
    {
        public int EpochsRun { get; init; }

        public int? BestEpoch { get; init; }

        public string? Checkpoint { get; init; }
    }

    /// <summary><see cref="Results"/> holds the folds finished so far (all <see cref="K"/>
    /// unless the run stopped); the spreads are over those.</summary>
    public sealed record CrossValidationSummary(string Model, string Folds, string Source, int K, IReadOnlyList<FoldResult> Results)
    {
        public Spread ValidationLoss => Spread.Of(Results.Select(r => r.Validation.Loss).ToList());

        public Spread ValidationAccuracy => Spread.Of(Results.Select(r => r.Validation.Accuracy).ToList());
    }

    public sealed record EvaluationSummary(string Model, string Data, Metrics Metrics, long Samples);
}
