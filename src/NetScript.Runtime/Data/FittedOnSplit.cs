using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Runtime.Data;

/// <summary>A fitted transform labelled with the split it was fitted on, so the saved state
/// (preprocessing.json, checkpoints) records where its statistics came from.</summary>
internal sealed class FittedOnSplit(IFittedTransform inner, string fitOn) : IFittedTransform
{
    public string Kind => inner.Kind;

    public TransformState State => inner.State with { FitOn = fitOn };

    public Tensor Apply(Tensor features) => inner.Apply(features);

    public Tensor ApplyInPlace(Tensor features) => inner.ApplyInPlace(features);

    public void Dispose() => inner.Dispose();
}
