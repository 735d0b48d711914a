using NetScript.Language.Lowering;
using NetScript.Runtime.Models;

namespace NetScript.Runtime.Ensembles;

/// <summary>The members of an `ensemble` (one trained model per seed) and how their outputs are combined.</summary>
public sealed class TrainedEnsemble(IReadOnlyList<TrainedEnsemble.Member> members, EnsembleAverage average) : IDisposable
{
    public sealed record Member(long Seed, TrainedModel Model);

    public IReadOnlyList<Member> Members { get; } = members;

    public EnsembleAverage Average { get; } = average;

    public void Dispose()
    {
        foreach (var member in Members) member.Model.Dispose();
    }
}
