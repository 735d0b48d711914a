using NetScript.Language.Semantics;

namespace NetScript.Runtime.Events;

/// <summary>A round of a coarse-to-fine search starts, searching <see cref="Space"/> (round 1:
/// the block's ranges; later rounds: ranges narrowed to the best trials so far).</summary>
public sealed record SearchRoundStarted(int Round, int Rounds, IReadOnlyList<SearchDimension> Space) : RunEvent
{
    public string Line => $"round {Round}/{Rounds}: {Search.CoarseToFineTrials.Describe(Space)}";
}
