using static TorchSharp.torch;

namespace NetScript.Bench;

/// <summary>One benchmarked model: the same network written as a NetScript <c>model</c>
/// block and built by hand in TorchSharp, trained on generated data of a fixed shape
/// (<see cref="Rows"/> samples, fewer with --quick). To benchmark another model, add an
/// entry to <see cref="All"/>.</summary>
public sealed record BenchModel(
    string Name,
    long[] SampleShape,
    int Classes,
    long Rows,
    long QuickRows,
    string NetScriptModel,
    Func<nn.Module<Tensor, Tensor>> BuildByHand)
{
    public const int BatchSize = 128;
    public const int Threads = 2;
    public const double LearningRate = 0.01;

    /// <summary>Also time NetScript with `precision=bf16` and print <c>NAME_bf16_ratio</c>.</summary>
    public bool Bf16 { get; init; }

    public static IReadOnlyList<BenchModel> All { get; } =
    [
        // 784-256-10 on MNIST-shaped data (API-NOTES: ~800 steps/s with SGD on 2 threads).
        new("mlp", [784], 10, 60_000, 30_000, "dense 256 -> relu; dense 10",
            () => nn.Sequential(("dense1", nn.Linear(784, 256)), ("relu1", nn.ReLU()), ("dense2", nn.Linear(256, 10)))),
        // scripts/fashion_cnn.nns's network: ~40× the MLP's compute per sample, so fewer rows.
        new("cnn", [1, 28, 28], 10, 8_192, 2_048,
            "conv 32 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2; conv 64 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2; "
            + "flatten; dense 256 -> relu -> dropout 0.3; dense 10",
            () => nn.Sequential(
                ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("batchnorm1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()), ("maxpool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("batchnorm2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()), ("maxpool2", nn.MaxPool2d(2)),
                ("flatten1", nn.Flatten()),
                ("dense1", nn.Linear(64 * 7 * 7, 256)), ("relu3", nn.ReLU()), ("dropout1", nn.Dropout(0.3)),
                ("dense2", nn.Linear(256, 10))))
        {
            Bf16 = true,
        },
    ];
}
