using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>One parameter of a search block: <c>lr = loguniform(1e-4, 1e-1)</c>. Ranges use
/// <see cref="Low"/>, <see cref="High"/> (and <see cref="Step"/> for `int`); `choice` uses
/// <see cref="Choices"/>.</summary>
public sealed record SearchDimension(string Name, DistributionKind Kind, double Low, double High, long Step, ImmutableArray<Value> Choices)
{
    public bool IsLog => Kind == DistributionKind.LogUniform;

    /// <summary>The values an `int` range can take: low, low + step, … ≤ high.</summary>
    public long IntCount => (long)Math.Floor((High - Low) / Step) + 1;

    public override string ToString() => Kind switch
    {
        DistributionKind.Choice => $"{Name} = choice({string.Join(", ", Choices.Select(c => c.Describe().Trim('`')))})",
        DistributionKind.Int => FormattableString.Invariant($"{Name} = int({Low:G}, {High:G}, step={Step})"),
        _ => FormattableString.Invariant($"{Name} = {(IsLog ? "loguniform" : "uniform")}({Low:G4}, {High:G4})"),
    };
}
