namespace NetScript.Runtime.Events;

/// <summary>A histogram of a layer's outputs with a fixed number of equal bins over
/// [<see cref="Lower"/>, <see cref="Upper"/>]: the unit's range for bounded units (tanh
/// [-1, 1], sigmoid [0, 1]) so collapse and saturation show against the same axis, else
/// the sampled batch's min and max. Bounds are NaN when the outputs were not finite.</summary>
public sealed record ActivationHistogram(double Lower, double Upper, IReadOnlyList<long> Counts)
{
    public long Total => Counts.Sum();

    public double BinWidth => (Upper - Lower) / Counts.Count;

    /// <summary>Lower edge of bin <paramref name="bin"/>; <c>Edge(Counts.Count)</c> is the upper bound.</summary>
    public double Edge(int bin) => Lower + bin * BinWidth;
}
