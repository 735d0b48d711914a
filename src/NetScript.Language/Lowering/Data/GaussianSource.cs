namespace NetScript.Language.Lowering;

/// <summary>Generated unit-Gaussian samples: <see cref="Rows"/> vectors of <see cref="Features"/>
/// values from N(0, 1), each labelled uniformly among <see cref="Classes"/>.</summary>
public sealed record GaussianSource(string Location, int Features, int Rows, int Classes, long Seed) : DataSourceSpec(Location);
