using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>A 4 → 32 → 32 → 3 MLP trained full-batch with cross-entropy on generated data,
/// from a fixed seed. Every operation of a step is a native call without managed scalars
/// except the optimizer's, so whatever goes wrong under GC pressure is the optimizer's doing.</summary>
internal sealed class TinyMlp : IDisposable
{
    public sealed record Run(float[] Losses, float[][] Parameters);

    readonly Sequential model;
    readonly Tensor x, y;
    readonly int threadsBefore = get_num_threads();

    /// <param name="threads">libtorch's intra-op threads while this lives (restored on
    /// Dispose): one is fastest for tensors this small.</param>
    public TinyMlp(int threads = 1)
    {
        set_num_threads(threads);
        manual_seed(7);
        model = nn.Sequential(("dense1", nn.Linear(4, 32)), ("relu1", nn.ReLU()),
            ("dense2", nn.Linear(32, 32)), ("relu2", nn.ReLU()), ("dense3", nn.Linear(32, 3)));
        x = randn(64, 4);                      // (64, 4)
        y = x.narrow(1, 0, 3).argmax(1);       // (64) a learnable rule: the largest of the first three features
    }

    public IReadOnlyList<Parameter> Parameters => model.parameters().ToList();

    /// <summary>One step; returns the loss before it.</summary>
    public float Step(OptimizerHelper optimizer)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        Tensor loss = nn.functional.cross_entropy(model.call(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public float[][] Weights() => model.parameters().Select(p => p.data<float>().ToArray()).ToArray();

    /// <summary>Trains <paramref name="steps"/> steps with the optimizer <paramref name="create"/>
    /// makes for the parameters; <paramref name="afterStep"/> runs after each (a scheduler).</summary>
    public static Run Train(Func<IReadOnlyList<Parameter>, OptimizerHelper> create, int steps, Action? afterStep = null, int threads = 1)
    {
        using var mlp = new TinyMlp(threads);
        using var optimizer = create(mlp.Parameters);
        var losses = new float[steps];
        for (int i = 0; i < steps; i++)
        {
            losses[i] = mlp.Step(optimizer);
            afterStep?.Invoke();
        }
        return new Run(losses, mlp.Weights());
    }

    public void Dispose()
    {
        set_num_threads(threadsBefore);
        model.Dispose();
        x.Dispose();
        y.Dispose();
    }
}
