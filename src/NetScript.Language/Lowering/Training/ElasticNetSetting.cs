using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>L1 and L2 penalties together.</summary>
public sealed record ElasticNetSetting(double L1, double L2, bool DecayAll) : RegularizerSetting(RegularizationSchema.ElasticNet.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("l1", L1), ("l2", L2), ("decay_all", DecayAll)];
}
