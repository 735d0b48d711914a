namespace NetScript.Runtime.Search;

/// <summary>A finished trial. <see cref="Score"/> is the search metric of the trial's last
/// training (the mean over folds when it trained on folds, with <see cref="ScoreStd"/> their
/// sample standard deviation and <see cref="FoldScores"/> each fold's); NaN when it failed.
/// <see cref="Models"/> are the weight files of the models the trial trained (empty without
/// a run folder).</summary>
public sealed record TrialResult(TrialSpec Trial, TrialState State, double Score, double ScoreStd, double WallSeconds)
{
    public string? Message { get; init; }

    public IReadOnlyList<double> FoldScores { get; init; } = [];

    public IReadOnlyList<TrialEpoch> Epochs { get; init; } = [];

    public IReadOnlyDictionary<string, string> Models { get; init; } = new Dictionary<string, string>();

    /// <summary>Seconds spent in training inside the trial (the rest is binding and setup).</summary>
    public double TrainingSeconds { get; init; }

    public int Id => Trial.Id;
}
