using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>Each layer's forward (and, for learned activations, backward) against its
/// formula, evaluated by hand on fixed inputs.</summary>
[Collection(TorchCollection.Name)]
public sealed class LayerBehaviourTests
{
    static readonly float[] Inputs = [-2f, -0.5f, 0f, 0.5f, 2f];

    static nn.Module<Tensor, Tensor> Build(string model, Shape input)
    {
        manual_seed(7);
        return ModelBuilder.Build(EnginePlans.Plan(model, input));
    }

    static double[] Apply(string activation)
    {
        using var module = Build(activation, Shape.Of(Inputs.Length));
        using var scope = NewDisposeScope();
        return module.call(tensor(Inputs).unsqueeze(0)).squeeze(0).data<float>().Select(v => (double)v).ToArray();
    }

    static void Check(string activation, Func<double, double> formula)
    {
        double[] actual = Apply(activation);
        for (int i = 0; i < Inputs.Length; i++)
            Assert.True(Math.Abs(formula(Inputs[i]) - actual[i]) < 1e-6, $"{activation}({Inputs[i]}) = {actual[i]}, expected {formula(Inputs[i])}");
    }

    [Fact]
    public void Activations_follow_their_formulas()
    {
        Check("sigmoid", x => 1 / (1 + Math.Exp(-x)));
        Check("tanh", Math.Tanh);
        Check("relu", x => Math.Max(0, x));
        Check("leaky_relu 0.1", x => x > 0 ? x : 0.1 * x);
        Check("prelu init=0.3", x => x > 0 ? x : 0.3 * x);
        Check("elu alpha=1.5", x => x > 0 ? x : 1.5 * (Math.Exp(x) - 1));
        const double lambda = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717; // the notes' SELU constants
        Check("selu", x => lambda * (x > 0 ? x : alpha * (Math.Exp(x) - 1)));
        Check("softplus beta=2", x => Math.Log(1 + Math.Exp(2 * x)) / 2);
        Check("pwl k1=1.5 k2=0.2", x => x > 0 ? 1.5 * x : 0.2 * x);
        Check("gelu approximate=tanh", x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
        // Exact GELU x·Φ(x), with Φ from a normal table: Φ(0.5) = 0.691462461274013, Φ(2) = 0.977249868051821.
        double[] phi = [1 - 0.977249868051821, 1 - 0.691462461274013, 0.5, 0.691462461274013, 0.977249868051821];
        double[] gelu = Apply("gelu");
        for (int i = 0; i < Inputs.Length; i++) Assert.Equal(Inputs[i] * phi[i], gelu[i], 6);
    }

    [Fact]
    public void Learned_slopes_get_the_gradient_of_their_side()
    {
        // L = Σ A, so ∂L/∂k₁ = Σ_{x>0} x = 2.5 and ∂L/∂k₂ = Σ_{x≤0} x = −2.5 (PReLU's α likewise).
        foreach (var (layer, expected) in new[] { ("pwl", new[] { 2.5, -2.5 }), ("prelu", new[] { -2.5 }) })
        {
            using var module = Build(layer, Shape.Of(Inputs.Length));
            module.call(tensor(Inputs).unsqueeze(0)).sum().backward();
            double[] grads = module.parameters().Select(p => (double)p.grad!.item<float>()).ToArray();
            Assert.Equal(expected, grads);
        }
    }

    [Fact]
    public void Dropout_is_inverted_while_training_and_the_identity_when_evaluating()
    {
        using var module = Build("dropout 0.25", Shape.Of(200_000));
        using var scope = NewDisposeScope();
        Tensor x = ones(1, 200_000);
        float[] train = module.call(x).data<float>().ToArray();
        Assert.All(train, v => Assert.True(v == 0 || Math.Abs(v - 4f / 3) < 1e-6, $"{v}")); // kept values scaled by 1/(1−p)
        double dropped = train.Count(v => v == 0) / 200_000.0;
        Assert.InRange(dropped, 0.25 - 0.005, 0.25 + 0.005);                              // ±5σ of a binomial
        Assert.InRange(train.Average(), 1 - 0.01, 1 + 0.01);                              // the expectation is preserved
        module.eval();
        Assert.True(module.call(x).eq(x).all().item<bool>());
    }

    [Fact]
    public void DropConnect_masks_weights_not_activations_and_evaluates_with_the_plain_weights()
    {
        using var module = Build("dense 200 dropconnect=0.5", Shape.Of(1000));
        using var scope = NewDisposeScope();
        Tensor x = ones(1, 1000);
        module.call(x).sum().backward();
        // ∂L/∂W = mask/(1−p) ⊙ x: each weight is dropped on its own, kept ones count double.
        float[] grad = module.parameters().First().grad!.data<float>().ToArray();
        Assert.All(grad, g => Assert.True(g == 0 || g == 2, $"{g}"));
        Assert.InRange(grad.Count(g => g == 0) / (double)grad.Length, 0.5 - 0.005, 0.5 + 0.005);
        module.eval();
        var (weight, bias) = (module.parameters().First(), module.parameters().Last());
        Assert.True(module.call(x).allclose(x.matmul(weight.t()) + bias, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Maxout_takes_the_largest_of_each_units_affine_pieces()
    {
        using var module = Build("maxout 4 k=3", Shape.Of(6));
        using var scope = NewDisposeScope();
        Tensor x = randn(5, 6);
        var (weight, bias) = (module.parameters().First(), module.parameters().Last()); // (12, 6), (12)
        Tensor pieces = x.matmul(weight.t()) + bias;                                     // (5, 12): unit u owns pieces 3u … 3u+2
        float[] expected = new float[20];
        float[] all = pieces.data<float>().ToArray();
        for (int b = 0; b < 5; b++)
            for (int u = 0; u < 4; u++)
                expected[b * 4 + u] = Math.Max(all[b * 12 + 3 * u], Math.Max(all[b * 12 + 3 * u + 1], all[b * 12 + 3 * u + 2]));
        Assert.Equal(expected, module.call(x).data<float>().ToArray());
    }

    [Fact]
    public void Batchnorm_standardises_batches_while_training_and_uses_running_averages_when_evaluating()
    {
        using var module = Build("batchnorm momentum=0.1", Shape.Of(3));
        using var scope = NewDisposeScope();
        Tensor x = tensor(new float[] { 1, 10, -4, 3, 20, 0, 5, 30, 4, 7, 40, 8 }).view(4, 3);
        Tensor y = module.call(x);
        Assert.True(y.mean([0L]).abs().max().item<float>() < 1e-5);
        Assert.True((y.var(0, unbiased: false) - 1).abs().max().item<float>() < 1e-3); // eps = 1e-5 in the denominator
        // Running averages after one batch: 0.9·(0, 1) + 0.1·(batch mean, unbiased batch variance).
        module.eval();
        Tensor mean = x.mean([0L]) * 0.1, variance = x.var(0) * 0.1 + 0.9;
        Tensor expected = (x - mean) / (variance + 1e-5).sqrt();
        Assert.True(module.call(x).allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Pools_and_convolution_match_hand_computed_windows()
    {
        using var scope = NewDisposeScope();
        Tensor image = arange(16, dtype: ScalarType.Float32).view(1, 1, 4, 4); // rows 0..3, 4..7, 8..11, 12..15
        using var max = Build("maxpool 2 -> flatten", Shape.Of(1, 4, 4));
        Assert.Equal([5f, 7f, 13f, 15f], max.call(image).data<float>().ToArray());
        using var avg = Build("avgpool 2 -> flatten", Shape.Of(1, 4, 4));
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], avg.call(image).data<float>().ToArray());
        using var global = Build("global_avgpool", Shape.Of(1, 4, 4));
        Assert.Equal([7.5f], global.call(image).data<float>().ToArray());
        // A 3×3 kernel of ones with padding 1 on a 3×3 image of ones counts each pixel's neighbourhood.
        using var conv = Build("conv 1 kernel=3 pad=1 -> flatten\ninit constant 1 bias=0", Shape.Of(1, 3, 3));
        Assert.Equal([4f, 6f, 4f, 6f, 9f, 6f, 4f, 6f, 4f], conv.call(ones(1, 1, 3, 3)).data<float>().ToArray());
    }
}
