using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Subtracts the mean, per feature, per channel or global.</summary>
public sealed record ZeroCenterPreprocessing(StatisticsOver Over) : PreprocessingSpec(PreprocessingSchema.ZeroCenter.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("over", Over)];
}
