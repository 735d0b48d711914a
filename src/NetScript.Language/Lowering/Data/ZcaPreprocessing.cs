using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>ZCA whitening.</summary>
public sealed record ZcaPreprocessing(double Eps) : PreprocessingSpec(PreprocessingSchema.Zca.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("eps", Eps)];
}
