using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>The augmentations of a training run, applied in order to each training batch. In
/// evaluation (<c>training: false</c>) the batch passes through untouched, so validation and
/// test metrics see the real data.</summary>
public sealed class AugmentationPipeline(IReadOnlyList<IAugmentation> steps) : IDisposable
{
    public IReadOnlyList<IAugmentation> Steps => steps;

    /// <summary>A new tensor when anything was applied; <paramref name="batch"/> itself when
    /// not training or when there are no steps.</summary>
    public Tensor Apply(Tensor batch, Generator generator, bool training)
    {
        if (!training || steps.Count == 0) return batch;
        Tensor current = batch;
        foreach (IAugmentation step in steps)
        {
            Tensor next = step.Apply(current, generator);
            if (!ReferenceEquals(current, batch)) current.Dispose();
            current = next;
        }
        return current;
    }

    public void Dispose()
    {
        foreach (IDisposable step in steps.OfType<IDisposable>()) step.Dispose();
    }
}
