namespace NetScript.Language.Lowering;

/// <summary>The generated 2-D spiral: <see cref="Classes"/> arms of <see cref="Points"/> points each.</summary>
public sealed record SpiralSource(string Location, int Classes, int Points, double Noise, long Seed) : DataSourceSpec(Location);
