using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Each unit's weight vector projected onto the L2 ball of radius <see cref="C"/> after every update.</summary>
public sealed record MaxNormSetting(double C) : RegularizerSetting(RegularizationSchema.MaxNorm.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("c", C)];
}
