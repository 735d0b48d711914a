using NetScript.Language.Lowering;

namespace NetScript.Runtime.LrFind;

/// <summary>What a range test measured: per tried rate the raw and the smoothed loss, how many
/// rates were planned, the rate whose loss diverged (null when every rate was tried), the
/// optimizer's parameter groups with the rates they moved at, and the rule of the suggestion.</summary>
public sealed record LrFindResult(double[] Rates, double[] Losses, double[] Smoothed, int Planned, double? DivergedAt)
{
    /// <summary>The rule whose rate is <see cref="Suggested"/>.</summary>
    public LrSuggestion Rule { get; init; } = LrSuggestion.Valley;

    /// <summary>The optimizer's parameter groups, in its order.</summary>
    public IReadOnlyList<LrFindGroup> Groups { get; init; } = [];

    /// <summary>The suggestion of <see cref="Rule"/>.</summary>
    public double Suggested => Suggestion(Rule);

    /// <summary>The rate a rule suggests: the middle of the longest valley, the steepest descent,
    /// or a tenth of the rate of the lowest smoothed loss (each within the rules' window).</summary>
    public double Suggestion(LrSuggestion rule) =>
        Rates[LearningRateFinder.RuleIndex(rule, Smoothed, Planned)] * LearningRateFinder.RuleFactor(rule);

    /// <summary>The rate of the lowest smoothed loss (over every tried rate).</summary>
    public double Minimum => Rates[LearningRateFinder.MinimumIndex(Smoothed)];
}

/// <summary>One parameter group of the optimizer during a range test: the layers whose
/// parameters it holds ("loss" for a loss's own), its factor of the tested rate (lr_mult for a
/// transferred model's pretrained layers, else 1), and the rate it held at each tried step.</summary>
public sealed record LrFindGroup(IReadOnlyList<string> Layers, double Factor, double[] Rates);
