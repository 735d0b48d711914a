using System.Collections.Immutable;

namespace NetScript.Hosting.Interactive;

/// <summary>How a finished trial ended, as the REPL's leaderboard shows it.</summary>
public enum TrialOutcome
{
    Completed,
    Failed,
    Pruned,
}

/// <summary>One finished trial of a search: its number, its parameters' values (formatted, in
/// the search space's order), how it ended, its score (NaN unless completed) with the sample
/// standard deviation over folds (NaN without folds), its wall time and, when it failed or
/// was pruned, why.</summary>
public sealed record TrialRow(int Trial, int Round, ImmutableArray<string> Values, TrialOutcome Outcome, double Score, double Std, double Seconds, string? Message);
