using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Maps the minimum to <see cref="Low"/> and the maximum to <see cref="High"/>.</summary>
public sealed record MinMaxPreprocessing(StatisticsOver Over, double Low, double High) : PreprocessingSpec(PreprocessingSchema.MinMax.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("over", Over), ("low", Low), ("high", High)];
}
