using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>One planned trial: its number (from 0, in plan order), the values of the search's
/// parameters, the seed its statements run with, and the round (coarse to fine) it belongs to.</summary>
public sealed record TrialSpec(int Id, IReadOnlyDictionary<string, Value> Values, long Seed, int Round = 1)
{
    /// <summary>"lr=0.003 units=64", in the space's order.</summary>
    public string Describe(IEnumerable<SearchDimension> space) =>
        string.Join(" ", space.Select(d => $"{d.Name}={TrialValues.Format(Values[d.Name])}"));
}
