using NetScript.Runtime.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>Our batchnorm (TorchSharp's forward with a long-lived scalar for the batch count)
/// against nn.BatchNorm1d and nn.BatchNorm2d: the same outputs, input gradients and state
/// dict through training batches and evaluation, and no scalar left to the finalizer.</summary>
[Collection(TorchCollection.Name)]
public sealed class BatchNormalizationTests
{
    /// <summary>Three training batches then one in eval mode: each output and input gradient,
    /// then every state-dict entry by name.</summary>
    static List<(string, float[])> Run(nn.Module<Tensor, Tensor> module, long[] shape)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var seen = new List<(string, float[])>();
        for (int i = 0; i < 4; i++)
        {
            if (i == 3) module.eval();
            Tensor x = randn(shape).requires_grad_();
            Tensor y = module.call(x);
            (y * y.detach()).sum().backward();                        // a gradient that depends on y
            seen.Add(($"output {i}", y.data<float>().ToArray()));
            seen.Add(($"grad {i}", x.grad!.data<float>().ToArray()));
        }
        foreach (var (name, value) in module.state_dict())
            seen.Add((name, value.to_type(ScalarType.Float32).data<float>().ToArray()));
        return seen;
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Matches_TorchSharps_batchnorm(bool images, bool affine)
    {
        long[] shape = images ? [4, 3, 5, 5] : [6, 3];                // (B, C, H, W) or (B, C)
        using nn.Module<Tensor, Tensor> expected = images ? nn.BatchNorm2d(3, 1e-3, 0.2, affine) : nn.BatchNorm1d(3, 1e-3, 0.2, affine);
        using var actual = new BatchNormalization(3, 1e-3, 0.2, affine, images);
        if (affine)
            using (no_grad())
                foreach (var module in new[] { expected, actual })
                {
                    var p = module.parameters().ToList();
                    p[0].copy_(tensor(new float[] { 0.5f, 2, -1 }));  // γ
                    p[1].copy_(tensor(new float[] { 0.1f, 0, 3 }));   // β
                }
        var want = Run(expected, shape);
        var got = Run(actual, shape);
        Assert.Equal(want.Select(e => e.Item1), got.Select(e => e.Item1));
        for (int i = 0; i < want.Count; i++) Assert.Equal(want[i].Item2, got[i].Item2);
    }

    [Fact]
    public void Training_steps_leave_no_scalar_to_the_finalizer()
    {
        using var module = new BatchNormalization(3, 1e-5, 0.1, affine: true, images: false);
        using var x = randn(8, 3);
        Assert.Equal(0, ScalarFinalizations.Fewest(() =>
        {
            for (int i = 0; i < 5; i++) module.call(x).Dispose();
        }));
        Assert.InRange(module.num_batches_tracked!.item<long>(), 5L, 15L); // 5 per attempt
    }
}
