using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>A checked search: its kind and options (defaults from
/// <see cref="Schema.SearchSchema"/>), the space, and the metric that ranks trials.
/// <see cref="Seed"/> is the `seed=` argument, else the session seed.</summary>
public sealed record SearchPlan(string Kind, BoundArguments Arguments, ImmutableArray<SearchDimension> Space, string Metric, bool Maximize, long Seed)
{
    int Option(string name, int fallback) => Arguments.Spec.Find(name) is null ? fallback : (int)Arguments.Int(name);

    /// <summary>Set by `netscript run --smoke`: at most <see cref="SmokeTrials"/> trials (grid
    /// points), one round, one process.</summary>
    public bool Smoke { get; init; }

    public const int SmokeTrials = 2;

    int Capped(int value) => Smoke ? Math.Min(value, SmokeTrials) : value;

    public int Trials => Capped(Option("trials", 0));

    public int Points => Capped(Option("points", 0));

    public int Rounds => Smoke ? 1 : Option("rounds", 1);

    public int Initial => Capped(Option("initial", 0));

    public int Parallel => Smoke ? 1 : Option("parallel", 1);

    public int Candidates => Option("candidates", 24);

    public int Batch => Capped(Option("batch", 1));

    public SearchStrategy Strategy => Kind switch
    {
        "grid" => SearchStrategy.Grid,
        "random" => SearchStrategy.Random,
        "bayes" => SearchStrategy.Bayes,
        "coarse_to_fine" => SearchStrategy.CoarseToFine,
        _ => throw new InvalidOperationException($"no search kind `{Kind}`"),
    };

    public PruneRule Prune => Arguments.Spec.Find("prune") is null ? PruneRule.None : Arguments.Text("prune") switch
    {
        "asha" => PruneRule.Asha,
        "median" => PruneRule.Median,
        _ => PruneRule.None,
    };

    public int Reduction => Option("reduction", 3);

    public int Grace => Option("grace", 1);

    public int MaxTrials => Option("max_trials", int.MaxValue);

    public override string ToString() =>
        $"search {Kind} {(Maximize ? "maximize" : "minimize")}={Metric} seed={Seed} ({Arguments.Describe()}) [{string.Join("; ", Space)}]";
}
