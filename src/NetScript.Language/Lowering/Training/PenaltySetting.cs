using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>`weight_decay`, `l2` or `l1` with coefficient <see cref="Lambda"/>.</summary>
public sealed record PenaltySetting(string Kind, double Lambda, bool DecayAll) : RegularizerSetting(Kind)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("lambda", Lambda), ("decay_all", DecayAll)];
}
