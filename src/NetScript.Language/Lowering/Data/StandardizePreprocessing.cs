using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Subtracts the mean and divides by the standard deviation (+ eps).</summary>
public sealed record StandardizePreprocessing(StatisticsOver Over, double Eps) : PreprocessingSpec(PreprocessingSchema.Standardize.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("over", Over), ("eps", Eps)];
}
