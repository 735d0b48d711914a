using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>A training loss as a module: (model output, targets) → the batch's mean loss.
/// A module so that a loss can own parameters (hierarchical softmax owns the output layer),
/// which then train, save and load with the model. It also says how to read predictions:
/// correct decisions for accuracy and class scores for top-k.</summary>
public abstract class LossFunction(string name) : nn.Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>Class or label decisions per sample (1 for classes, L for L labels); 0 when the
    /// loss makes none (regression), so accuracy is not defined.</summary>
    public abstract long DecisionsPerSample { get; }

    /// <summary>Correct decisions in the batch, as an int64 scalar on the device (no host sync).</summary>
    public virtual Tensor Correct(Tensor output, Tensor target) =>
        throw new InvalidOperationException($"{GetName()} makes no class decisions");

    /// <summary>One score per class (B, C) for top-k accuracy, or null when samples have no single class.</summary>
    public virtual Tensor? ClassScores(Tensor output) => null;

    /// <summary>Targets in the output's shape and dtype: one target per sample (B) — a
    /// regression column or two-class labels — faces a single output (B, 1); elementwise
    /// losses would otherwise broadcast (B) against (B, 1) into (B, B).</summary>
    protected static Tensor AsOutputTargets(Tensor target, Tensor output)
    {
        Tensor aligned = target.dtype == output.dtype ? target : target.to_type(output.dtype);
        return aligned.dim() == output.dim() ? aligned : aligned.view(output.shape);
    }
}
