using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Search strategies (<c>search KIND …</c>) and the distributions of a search block.</summary>
public static class SearchSchema
{
    static ParameterSpec Maximize() => Parameter.Metric("maximize", "The metric the best trial maximises (e.g. `val_acc`).");

    static ParameterSpec Minimize() => Parameter.Metric("minimize", "The metric the best trial minimises (e.g. `val_loss`); give this or `maximize`.");

    static ParameterSpec Seed() => Parameter.Int("seed", "Seed of the trial plan (values and per-trial seeds); defaults to the session seed.", min: 0, max: Limits.Seed);

    // One worker keeps the whole thread budget; more split it (see grammar/reference/search.md).
    static ParameterSpec Parallel() => Parameter.Int("parallel", "Trials run at once, each in its own worker process sharing the `threads` budget.", 1, min: 1, max: 64);

    // Pruning as Optuna's SuccessiveHalvingPruner (reduction factor 3, first rung after 1 epoch) and MedianPruner.
    static ParameterSpec[] Pruning() =>
    [
        Parameter.Choice("prune", "Stop trials that trail the others early: `asha` (asynchronous successive halving: at epochs grace·reduction^k a trial goes on only in the top 1/reduction of the values seen there), `median` (stop below the median of earlier trials at the same epoch, once 5 trials reported it), or `none`. With folds, a trial is judged after each fold on the mean of its folds so far.", "none", "none", "asha", "median"),
        Parameter.Int("reduction", "ASHA's reduction factor: the share 1/reduction of trials that go on at each rung.", 3, min: 2, max: 10),
        Parameter.Int("grace", "Epochs every trial runs before it can be pruned (ASHA's first rung).", 1, min: 1, max: Limits.Count).In("epochs"),
    ];

    static ParameterSpec[] Common() => [Maximize(), Minimize(), Seed(), Parallel(), .. Pruning()];

    public static readonly OperationSpec Grid = OperationSpec.Create("grid", Search,
        "Every combination: each `choice` value, and `points` evenly spaced values of each range (log-spaced for `loguniform`).",
        [Parameter.Int("points", "Values tried per continuous range.", 3, min: 2, max: 100),
        // A grid grows as the product of its axes; a larger one must be asked for.
        Parameter.Int("max_trials", "Largest grid run without complaint; raise it to run a bigger grid.", 256, min: 1, max: Limits.Count).In("trials"),
        .. Common()]) with { Example = "search grid points=4 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }" };

    public static readonly OperationSpec Random = OperationSpec.Create("random", Search,
        "Independent random samples; better than a grid when few parameters matter.",
        [Parameter.Int("trials", "Number of trials.", 20, min: 1, max: Limits.Count).In("trials"),
        .. Common()]) with { Example = "search random trials=20 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }" };

    public static readonly OperationSpec Bayes = OperationSpec.Create("bayes", Search,
        "Bayesian optimisation with a tree-structured Parzen estimator (TPE): after `initial` random trials, each next trial is the candidate most likely under the best trials' density relative to the rest's.",
        [Parameter.Int("trials", "Number of trials.", 20, min: 1, max: Limits.Count).In("trials"),
        // Optuna's TPE defaults: 10 random startup trials, 24 candidates per proposal.
        Parameter.Int("initial", "Random trials before the model is fitted.", 10, min: 1, max: Limits.Count).In("trials"),
        Parameter.Int("candidates", "Candidates drawn from the best trials' density per proposal; the most promising one runs.", 24, min: 1, max: Limits.Count),
        Parameter.Int("batch", "Trials proposed together from the results before them (1: each from all earlier ones); a larger batch lets `parallel` workers run them at once, with the same trials whatever `parallel` is.", 1, min: 1, max: Limits.Count).In("trials"),
        .. Common()]) with { Example = "search bayes trials=30 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }" };

    public static readonly OperationSpec CoarseToFine = OperationSpec.Create("coarse_to_fine", Search,
        "Random search in rounds (coarse to fine): each round narrows every range to the best trials of the rounds so far (in log space for `loguniform`) and prints it.",
        [Parameter.Int("trials", "Trials per round.", 10, min: 1, max: Limits.Count).In("trials"),
        Parameter.Int("rounds", "Number of rounds.", 3, min: 1, max: 10),
        .. Common()]) with { Example = "search coarse_to_fine trials=10 rounds=3 maximize=val_acc { lr = loguniform(1e-5, 1) }" };

    public static IReadOnlyList<OperationSpec> Kinds { get; } = [Grid, Random, Bayes, CoarseToFine];

    public static readonly OperationSpec Uniform = OperationSpec.Create("uniform", Distribution,
        "A real number drawn uniformly from [low, high].",
        Parameter.Num("low", "Smallest value.").AsPositional().AsRequired(),
        Parameter.Num("high", "Largest value; greater than `low`.").AsPositional().AsRequired()) with { Example = "dropout = uniform(0.1, 0.7)" };

    public static readonly OperationSpec LogUniform = OperationSpec.Create("loguniform", Distribution,
        "A positive real number whose logarithm is uniform: every decade is equally likely (learning rates, weight decay).",
        Parameter.Num("low", "Smallest value; greater than 0.", min: 0, minExclusive: true).AsPositional().AsRequired(),
        Parameter.Num("high", "Largest value; greater than `low`.", min: 0, minExclusive: true).AsPositional().AsRequired()) with { Example = "lr = loguniform(1e-4, 1e-1)" };

    public static readonly OperationSpec Int = OperationSpec.Create("int", Distribution,
        "A whole number drawn uniformly from low, low + step, …, high.",
        Parameter.Int("low", "Smallest value.", min: -Limits.Steps, max: Limits.Steps).AsPositional().AsRequired(),
        Parameter.Int("high", "Largest value; greater than `low`.", min: -Limits.Steps, max: Limits.Steps).AsPositional().AsRequired(),
        Parameter.Int("step", "Distance between candidate values.", 1, min: 1, max: Limits.Count)) with { Example = "units = int(32, 256, step=32)" };

    public static readonly OperationSpec Choice = OperationSpec.Create("choice", Distribution,
        "One of the listed values, each equally likely (numbers, names or strings).",
        Parameter.List("values", "The candidates, written as the call's arguments: `choice(a, b, …)`.")) with { Example = "batch = choice(32, 64, 128)" };

    public static IReadOnlyList<OperationSpec> Distributions { get; } = [Uniform, LogUniform, Int, Choice];
}
