using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Softmax cross-entropy, optionally with label smoothing. When the model ends in
/// `softmax` (<see cref="OnProbabilities"/>) its outputs are probabilities and the loss takes
/// their log (clipped to [1e−7, 1 − 1e−7]) instead of applying a second softmax.</summary>
public sealed record CrossEntropyLoss(double LabelSmoothing) : LossSpec(LossSchema.CrossEntropy.Name)
{
    /// <summary>The model's outputs are probabilities (it ends in `softmax`), not logits.</summary>
    public bool OnProbabilities { get; init; }

    /// <summary>Keras's clipping of probabilities before the log (backend epsilon).</summary>
    public const double ProbabilityEpsilon = 1e-7;

    private protected override IEnumerable<(string Name, object? Value)> Values() => [("label_smoothing", LabelSmoothing)];

    private protected override string Text() => OnProbabilities ? base.Text() + " on probabilities" : base.Text();
}
