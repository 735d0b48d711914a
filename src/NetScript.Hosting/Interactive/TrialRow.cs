using System.Collections.Immutable;
using NetScript.Runtime.Search;

namespace NetScript.Hosting.Interactive;

/// <summary>One finished trial of a search as the REPL's leaderboard shows it: its number, its
/// parameters' values (formatted, in the search space's order), its score (NaN unless it
/// completed) and, when it failed or was pruned, why. How it ended and its spread over folds
/// stay in the runtime's <see cref="TrialResult"/>, which <see cref="LeaderboardTable"/> reads.</summary>
public sealed class TrialRow
{
    internal TrialRow(TrialResult result, ImmutableArray<string> values)
    {
        Result = result;
        Values = values;
    }

    internal TrialResult Result { get; }

    public int Trial => Result.Id;

    public ImmutableArray<string> Values { get; }

    public double Score => Result.Score;

    public string? Message => Result.Message;

    internal bool Completed => Result.State == TrialState.Completed;
}
