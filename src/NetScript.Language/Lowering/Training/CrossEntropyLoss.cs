using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Softmax cross-entropy, optionally with label smoothing.</summary>
public sealed record CrossEntropyLoss(double LabelSmoothing) : LossSpec(LossSchema.CrossEntropy.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("label_smoothing", LabelSmoothing)];
}
