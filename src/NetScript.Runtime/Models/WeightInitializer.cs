using NetScript.Language.Lowering;
using NetScript.Runtime.Models.Layers;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Applies a model's <c>init</c> line to the weights and biases of its affine layers
/// (dense, conv, maxout), drawing from the global generator that <c>seed</c> set: small random
/// N(0, 0.01²); Xavier 1/fan_in or 2/(fan_in + fan_out); Kaiming gain²/fan with gain √2 for
/// ReLU. A uniform draw uses the same variance (bound √3·std).</summary>
public static class WeightInitializer
{
    public static void Apply(InitSpec init, IEnumerable<(LayerSpec Layer, nn.Module Module)> layers)
    {
        using var noGrad = no_grad();
        using var s = new ScalarScope();
        foreach (var (layer, module) in layers)
        {
            if (module is ResidualBlock block)
            {
                Apply(init, layer.Body.Zip(block.Branch, (inner, child) => (inner, (nn.Module)child)));
                if (block.Shortcut is { } shortcut) InitWeight(init, shortcut.get_parameter("weight")!, s); // bias-free
                if (init.ZeroResidual) ZeroLastLayer(layer, block);
                continue;
            }
            if (!layer.Operation.IsAffine) continue;
            var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            InitWeight(init, parameters["weight"], s);
            if (parameters.TryGetValue("bias", out var bias)) bias.fill_(s.Of(init.Bias));
        }
    }

    /// <summary>The residual init: the branch's last affine or batchnorm layer starts at zero,
    /// so F(x) = 0 and the block starts as the identity (when the layers after it keep 0 at 0,
    /// as relu, pooling and dropout do). Nested residual blocks are zeroed on their own.</summary>
    static void ZeroLastLayer(LayerSpec residual, ResidualBlock block)
    {
        for (int i = residual.Body.Length - 1; i >= 0; i--)
        {
            LayerOperation operation = residual.Body[i].Operation;
            bool affine = operation.IsAffine;
            if (!affine && operation is not BatchNormLayer { Affine: true }) continue;
            var parameters = block.Branch[i].named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["weight"].zero_();                                       // W, or batchnorm's γ
            if (affine && parameters.TryGetValue("bias", out var bias)) bias.zero_(); // batchnorm's β starts at 0
            return;
        }
    }

    /// <summary>(fan_in, fan_out) of a weight (out, in, kh, kw…), as PyTorch computes them.</summary>
    public static (long FanIn, long FanOut) Fans(Tensor weight)
    {
        long receptive = weight.shape.Skip(2).Aggregate(1L, (a, d) => a * d);
        return (weight.shape[1] * receptive, weight.shape[0] * receptive);
    }

    static void InitWeight(InitSpec init, Tensor weight, ScalarScope s)
    {
        var (fanIn, fanOut) = Fans(weight);
        switch (init)
        {
            case ZerosInit:
                weight.zero_();
                break;
            case ConstantInit c:
                weight.fill_(s.Of(c.Value));
                break;
            case NormalInit n:
                weight.normal_(n.Mean, n.Std);
                break;
            case XavierInit x:
                double variance = x.Mode == FanMode.FanIn ? 1.0 / fanIn : 2.0 / (fanIn + fanOut);
                Draw(weight, x.Dist, x.Gain * Math.Sqrt(variance));
                break;
            case KaimingInit k:
                double alpha = k.Nonlinearity == Nonlinearity.LeakyRelu ? k.Alpha : 0;
                double gain = Math.Sqrt(2.0 / (1 + alpha * alpha));
                Draw(weight, k.Dist, gain / Math.Sqrt(k.Mode == FanMode.FanOut ? fanOut : fanIn));
                break;
            case SparseInit sparse:
                Sparse(weight, sparse.K, s.Of(sparse.Std));
                break;
            default:
                throw new RuntimeFailure($"init `{init.Kind}` has no runtime implementation");
        }
    }

    static void Draw(Tensor weight, Distribution distribution, double std)
    {
        if (distribution == Distribution.Uniform)
        {
            double bound = Math.Sqrt(3) * std; // Var(U(−b, b)) = b²/3
            weight.uniform_(-bound, bound);
        }
        else
        {
            weight.normal_(0, std);
        }
    }

    /// <summary>Each unit (row of the flattened weight) gets k nonzero inputs at distinct
    /// random positions; the checker guarantees k ≤ fan_in.</summary>
    static void Sparse(Tensor weight, long k, TorchSharp.Scalar std)
    {
        using var scope = NewDisposeScope();
        Tensor rows = weight.view(weight.shape[0], -1);                        // (out, fan_in)
        Tensor chosen = rand(rows.shape).argsort(1).narrow(1, 0, k);           // (out, k) distinct columns per row
        Tensor values = randn(rows.shape[0], k).mul_(std);                     // (out, k)
        rows.zero_().scatter_(1, chosen, values);
    }
}
