using System.Globalization;
using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>bfloat16 work for <see cref="PrecisionTests"/>, run in a child process
/// (<see cref="ChildProcess"/>): after bfloat16 kernels ran, libtorch 2.10 on this CPU has now
/// and then (about 1 run in 10) given a later fp32 training in the same process a NaN loss, so
/// the bf16 tests keep that work out of the test host. Each scenario prints its findings as
/// `name value` lines and exits 0, or prints why it failed and exits 1.</summary>
public static class PrecisionScenarios
{
    /// <summary>A dense layer inside autocast computes in bf16 and its weights get fp32
    /// gradients; after the region, fp32 results on the thread are bit-identical to before it.</summary>
    public static int Regions()
    {
        var layer = nn.Linear(4, 3);
        using Tensor x = randn(5, 4);
        using Tensor before = layer.call(x).detach();
        Tensor output;
        using (Autocast.Enter(Precision.Bf16)) output = layer.call(x);
        Autocast.Fp32(output).sum().backward();
        using Tensor after = layer.call(x).detach();
        Console.WriteLine($"inside {output.dtype}");
        Console.WriteLine($"gradient {layer.weight!.grad!.dtype}");
        Console.WriteLine($"after {after.dtype}");
        Console.WriteLine($"identical {before.allclose(after, rtol: 0, atol: 0)}");
        Console.WriteLine($"fp32_region {(Autocast.Enter(Precision.Fp32) is null ? "none" : "some")}");
        return 0;
    }

    /// <summary>The mean training loss of one epoch of a small CNN with 12- and 20-channel
    /// convolutions, trained in fp32 and in bf16 with the same seed (arguments: a scratch folder).</summary>
    public static int CnnLosses(string[] arguments)
    {
        string folder = arguments[0];
        string images = Path.Combine(folder, "stripes.parquet");
        WriteStripes(images);
        foreach (string precision in new[] { "fp32", "bf16" })
        {
            using var workspace = new Workspace();
            var observer = new RecordingObserver();
            string script = $$"""
                seed 5
                threads 1
                load parquet "{{images}}" as d
                model cnn { conv 12 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2; conv 20 kernel=3 pad=1 -> relu; flatten; dense 8 -> relu; dense 2 }
                optimizer adam lr=3e-3
                train cnn on d epochs=1 batch=32 precision={{precision}} checkpoint=false stats=0
                """;
            var result = Pipelines.Execute(script, workspace, observer);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(result.Failure?.ToString());
                return 1;
            }
            Console.WriteLine($"{precision} {observer.Of<EpochCompleted>().Last().Train.Loss.ToString("R", CultureInfo.InvariantCulture)}");
        }
        return 0;
    }

    /// <summary>512 one-channel 8×8 images: class 1 has a bright horizontal stripe in the top
    /// half, class 0 in the bottom half, on noise.</summary>
    static void WriteStripes(string path)
    {
        const int n = 512, side = 8;
        var random = new Random(7);
        var pixels = new float[n * side * side];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            int row = labels[i] == 1 ? random.Next(side / 2) : side / 2 + random.Next(side / 2);
            for (int p = 0; p < side * side; p++)
                pixels[i * side * side + p] = (float)random.NextDouble() * 0.5f + (p / side == row ? 1f : 0f);
        }
        using var data = TensorDataset.FromArrays(pixels, [1, side, side], labels, 2);
        ParquetDatasetWriter.Write(data, path);
    }
}
