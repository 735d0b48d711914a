using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The drop probability every dropout layer of the model uses.</summary>
public sealed record DropoutSetting(double P) : RegularizerSetting(RegularizationSchema.Dropout.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("p", P)];
}
