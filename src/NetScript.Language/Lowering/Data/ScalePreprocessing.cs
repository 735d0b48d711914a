using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Multiplies every value by <see cref="Factor"/>.</summary>
public sealed record ScalePreprocessing(double Factor) : PreprocessingSpec(PreprocessingSchema.Scale.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("factor", Factor)];
}
