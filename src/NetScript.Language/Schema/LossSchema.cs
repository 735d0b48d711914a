using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

public static class LossSchema
{
    public static readonly OperationSpec CrossEntropy = OperationSpec.Create("cross_entropy", Loss,
        "Softmax cross-entropy on raw class scores (logits); the model must not end in softmax.");

    public static IReadOnlyList<OperationSpec> All { get; } = [CrossEntropy];

    public static string[] Names => All.Select(l => l.Name).ToArray();
}
