using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>One epoch's sample order and per-step results, kept on the device so the loop
/// never syncs per step; checkpoints of an interrupted epoch save them. Owned (outside any
/// dispose scope) until disposed at the epoch's end.</summary>
internal sealed class EpochTensors(Tensor order, Tensor losses, Tensor correct) : IDisposable
{
    /// <summary>(N) int64: the samples in the order this epoch visits them.</summary>
    public Tensor Order { get; } = order.DetachFromDisposeScope();

    /// <summary>(S) float32: each step's mean loss.</summary>
    public Tensor Losses { get; } = losses.DetachFromDisposeScope();

    /// <summary>(S) int64: each step's correct decisions.</summary>
    public Tensor Correct { get; } = correct.DetachFromDisposeScope();

    public static EpochTensors Start(Tensor order, int steps) => new(order, zeros(steps), zeros(steps, dtype: ScalarType.Int64));

    /// <summary>The first <paramref name="steps"/> losses on the host (a sync).</summary>
    public float[] LossesUpTo(int steps)
    {
        using Tensor done = Losses.narrow(0, 0, steps);
        return done.data<float>().ToArray();
    }

    public void Dispose()
    {
        Order.Dispose();
        Losses.Dispose();
        Correct.Dispose();
    }
}
