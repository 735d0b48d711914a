using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Built-in losses by schema name: (logits (B, C), targets (B)) → scalar.</summary>
public static class LossFunctions
{
    public static Func<Tensor, Tensor, Tensor> Get(string name) => name switch
    {
        "cross_entropy" => (logits, targets) => nn.functional.cross_entropy(logits, targets),
        _ => throw new RuntimeFailure($"loss `{name}` has no runtime implementation"),
    };

    /// <summary>The same loss summed over the batch, for exact dataset means in evaluation.</summary>
    public static Func<Tensor, Tensor, Tensor> GetSum(string name) => name switch
    {
        "cross_entropy" => (logits, targets) => nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.Sum),
        _ => throw new RuntimeFailure($"loss `{name}` has no runtime implementation"),
    };
}
