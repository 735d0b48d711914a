using System.Collections.Immutable;

namespace NetScript.Language.Lowering;

/// <summary>One split of Fashion-MNIST, optionally narrowed to some classes
/// (<see cref="Classes"/>, relabelled 0 … K−1 in the order listed) and to
/// <see cref="PerClass"/> images of each (a stratified subsample drawn with <see cref="Seed"/>).</summary>
public sealed record FashionMnistSource(string Location, FashionMnistSplit Split) : DataSourceSpec(Location)
{
    /// <summary>The original class ids kept, in their new order (empty: all ten).</summary>
    public ImmutableArray<int> Classes { get; init; } = [];

    public int? PerClass { get; init; }

    public long Seed { get; init; }

    /// <summary>Images per class in the split (the splits are balanced).</summary>
    public int ImagesPerClass => Split == FashionMnistSplit.Test ? 1_000 : 6_000;
}
