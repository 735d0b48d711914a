namespace NetScript.Language.Diagnostics;

/// <summary>NS12xx: hyperparameter searches — the search block and its trials, found by the
/// checker before any trial runs, and by the search runner while trials run.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SearchWithoutTraining =
        Error("NS1200", "Search without training", "the statements after this search train nothing, so no trial has a score; add a `train` statement after it");

    public static readonly DiagnosticDescriptor SearchMetricMissing =
        Error("NS1201", "Search metric missing", "a search needs {0}: write `maximize=val_acc` or `minimize=val_loss`");

    public static readonly DiagnosticDescriptor SearchMetricNotMeasured =
        Error("NS1202", "Search metric not measured", "the search's metric `{0}` is not measured by the last training of each trial (line {1}): {2}");

    public static readonly DiagnosticDescriptor UnusedSearchParameter =
        Error("NS1203", "Unused search parameter", "search parameter `{0}` is never used as `${0}` in the statements after the search, so every trial would draw it for nothing");

    public static readonly DiagnosticDescriptor GridTooLarge =
        Error("NS1204", "Grid too large", "this grid has {0} trials ({1}), more than `max_trials` ({2}); use `search random`, fewer `points`, or raise `max_trials={0}` if you mean it");

    public static readonly DiagnosticDescriptor NestedSearch =
        Error("NS1205", "Search inside a search", "a second search in the statements that a search repeats per trial is not supported; put it in its own script");

    public static readonly DiagnosticDescriptor AllTrialsFailed =
        Error("NS1206", "Every trial failed", "all {0} trials of the search failed; the first failure: {1}");

    public static readonly DiagnosticDescriptor SlurmUnavailable =
        Error("NS1207", "Slurm unavailable", "cannot run the search on Slurm: {0}");
}

/// <summary>NS125x: the learning-rate range test (`lr_find`).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor LrFindRangeInverted =
        Error("NS1250", "Learning-rate range inverted", "the range test's `start` ({0}) must be below its `end` ({1})");

    public static readonly DiagnosticDescriptor LrFindOnFolds =
        Error("NS1251", "Range test on folds", "`lr_find` runs on one dataset, not on the folds `{0}`; run it on the data the folds were made from");

    public static readonly DiagnosticDescriptor LrFindTrainingOption =
        Error("NS1252", "Training option in a range test", "`lr_find` does not take `{0}`: it trains `steps` mini-batches and keeps nothing; besides `start`, `end`, `steps` and `suggest` it takes {1}");
}
