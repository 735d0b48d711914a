using NetScript.Language.Lowering;
using NetScript.Runtime.Models;

namespace NetScript.Runtime.Ensembles;

/// <summary>The members of an `ensemble` (one trained model per seed, or one per kept epoch) and how their outputs are combined.</summary>
public sealed class TrainedEnsemble(IReadOnlyList<TrainedEnsemble.Member> members, EnsembleAverage average) : IDisposable
{
    /// <param name="Label">Where the member comes from, as reports name it: "seed 3", "epoch 8".</param>
    public sealed record Member(string Label, TrainedModel Model);

    public IReadOnlyList<Member> Members { get; } = members;

    public EnsembleAverage Average { get; } = average;

    public void Dispose()
    {
        foreach (var member in Members) member.Model.Dispose();
    }
}
