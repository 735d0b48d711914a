using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>The shape of one sample (batch dimension excluded): [2] for a point,
/// [1, 28, 28] for a grey image.</summary>
public sealed record Shape(ImmutableArray<int> Dims)
{
    public static Shape Of(params int[] dims) => new(dims.ToImmutableArray());

    public int Rank => Dims.Length;

    public long Elements => Dims.Aggregate(1L, (a, d) => a * d);

    public override string ToString() => "[" + string.Join(", ", Dims) + "]";

    public bool Equals(Shape? other) => other is not null && Dims.SequenceEqual(other.Dims);

    public override int GetHashCode() => Dims.Aggregate(17, (h, d) => h * 31 + d);
}
