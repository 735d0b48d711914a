namespace NetScript.Language.Lowering;

/// <summary>One split of Fashion-MNIST.</summary>
public sealed record FashionMnistSource(string Location, FashionMnistSplit Split) : DataSourceSpec(Location);
