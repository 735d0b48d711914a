using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Search strategies (<c>search KIND …</c>) and the distributions of a search block.</summary>
public static class SearchSchema
{
    static ParameterSpec Maximize() => Parameter.Metric("maximize", "The metric the best trial maximises (e.g. `val_acc`).");

    static ParameterSpec Minimize() => Parameter.Metric("minimize", "The metric the best trial minimises (e.g. `val_loss`); give this or `maximize`.");

    static ParameterSpec Seed() => Parameter.Int("seed", "Seed of the sampler; defaults to the session seed.", min: 0);

    public static readonly OperationSpec Grid = OperationSpec.Create("grid", Search,
        "Every combination: each `choice` value, and `points` evenly spaced values of each range (log-spaced for `loguniform`).",
        Parameter.Int("points", "Values tried per continuous range.", 3, min: 2, max: 100),
        Maximize(), Minimize()) with { Example = "search grid points=4 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }", Planned = true };

    public static readonly OperationSpec Random = OperationSpec.Create("random", Search,
        "Independent random samples; better than a grid when few parameters matter (the notes' advice).",
        Parameter.Int("trials", "Number of trials.", 20, min: 1).In("trials"),
        Maximize(), Minimize(), Seed()) with { Example = "search random trials=20 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }", Planned = true };

    public static readonly OperationSpec Bayes = OperationSpec.Create("bayes", Search,
        "Bayesian optimisation: after `initial` random trials, each next trial is chosen by a model of the results so far.",
        Parameter.Int("trials", "Number of trials.", 20, min: 1).In("trials"),
        Parameter.Int("initial", "Random trials before the model is fitted.", 5, min: 1).In("trials"),
        Maximize(), Minimize(), Seed()) with { Example = "search bayes trials=30 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }", Planned = true };

    public static readonly OperationSpec CoarseToFine = OperationSpec.Create("coarse_to_fine", Search,
        "Random search in rounds (the notes' coarse-to-fine): each round narrows every range around the best trials of the previous one.",
        Parameter.Int("trials", "Trials per round.", 10, min: 1).In("trials"),
        Parameter.Int("rounds", "Number of rounds.", 3, min: 1, max: 10),
        Maximize(), Minimize(), Seed()) with { Example = "search coarse_to_fine trials=10 rounds=3 maximize=val_acc { lr = loguniform(1e-5, 1) }", Planned = true };

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
        Parameter.Int("low", "Smallest value.").AsPositional().AsRequired(),
        Parameter.Int("high", "Largest value; greater than `low`.").AsPositional().AsRequired(),
        Parameter.Int("step", "Distance between candidate values.", 1, min: 1)) with { Example = "units = int(32, 256, step=32)" };

    public static readonly OperationSpec Choice = OperationSpec.Create("choice", Distribution,
        "One of the listed values, each equally likely (numbers, names or strings).",
        Parameter.List("values", "The candidates, written as the call's arguments: `choice(a, b, …)`.")) with { Example = "batch = choice(32, 64, 128)" };

    public static IReadOnlyList<OperationSpec> Distributions { get; } = [Uniform, LogUniform, Int, Choice];
}
