using NetScript.Language.Lowering;
using static TorchSharp.torch;

namespace NetScript.Runtime.Ensembles;

/// <summary>Combines the members' class scores (each (N, C), raw outputs) into the ensemble's
/// (N, C), whose arg-max per row is the ensemble's class: the mean of the members' softmax
/// probabilities, the mean of their logits, or the count of members voting for each class
/// (a tie goes to the lowest class index, as arg-max picks the first maximum).</summary>
public static class EnsembleAverager
{
    public static Tensor Combine(IReadOnlyList<Tensor> scores, EnsembleAverage average)
    {
        if (scores.Count == 0) throw new ArgumentException("an ensemble has at least one member", nameof(scores));
        using var scope = NewDisposeScope();
        Tensor stacked = stack(scores, 0);                          // (M, N, C)
        Tensor combined = average switch
        {
            EnsembleAverage.Probabilities => stacked.softmax(2).mean([0]),
            EnsembleAverage.Logits => stacked.mean([0]),
            EnsembleAverage.Vote => nn.functional.one_hot(stacked.argmax(2), stacked.shape[2]).sum(dim: 0L).to_type(ScalarType.Float32),
            _ => throw new ArgumentOutOfRangeException(nameof(average), average, null),
        };
        return combined.MoveToOuterDisposeScope();
    }
}
