using static TorchSharp.torch;

namespace NetScript.Bench;

/// <summary>One benchmarked model: the same network written as a NetScript <c>model</c>
/// block and built by hand in TorchSharp, trained on generated data of a fixed shape. To
/// benchmark another model, add an entry to <see cref="All"/>.</summary>
public sealed record BenchModel(
    string Name,
    long[] SampleShape,
    int Classes,
    string NetScriptModel,
    Func<nn.Module<Tensor, Tensor>> BuildByHand)
{
    public const int BatchSize = 128;
    public const int Threads = 2;
    public const double LearningRate = 0.01;

    public static IReadOnlyList<BenchModel> All { get; } =
    [
        // 784-256-10 on MNIST-shaped data (API-NOTES: ~800 steps/s with SGD on 2 threads).
        new("mlp", [784], 10, "dense 256 -> relu; dense 10",
            () => nn.Sequential(("dense1", nn.Linear(784, 256)), ("relu1", nn.ReLU()), ("dense2", nn.Linear(256, 10)))),
    ];
}
