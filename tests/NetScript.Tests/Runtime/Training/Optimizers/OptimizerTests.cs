using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Training.Optimizers;

/// <summary>Optimizer updates against hand-iterated formulas on f(w) = ½‖w‖² (gradient w),
/// and the options around them: weight-decay groups, the linear scaling rule, clipping.</summary>
[Collection(TorchCollection.Name)]
public sealed class OptimizerTests
{
    internal static OptimizerSpec Settings(string optimizer)
    {
        var compilation = Language.Semantics.CheckerGoldenTests.Check($"optimizer {optimizer}\n");
        Assert.False(compilation.HasErrors);
        return Lowerer.Optimizer(compilation.Program!.Steps.OfType<OptimizerStep>().Single().Optimizer);
    }

    /// <summary>w after each of <paramref name="steps"/> steps from w₀ = (1, −2), a 1×2
    /// weight matrix (weight decay applies to matrices).</summary>
    static float[][] Run(string optimizer, int steps, double gradientScale = 1)
    {
        using var w = new Parameter(tensor(new float[] { 1, -2 }).view(1, 2));
        using var opt = OptimizerFactory.Create(Settings(optimizer), [w]);
        var trajectory = new float[steps][];
        for (int i = 0; i < steps; i++)
        {
            opt.zero_grad();
            (w.square().sum() * (0.5 * gradientScale)).backward();
            opt.step();
            trajectory[i] = w.data<float>().ToArray();
        }
        return trajectory;
    }

    static void AssertPath(double[] factors, float[][] path)
    {
        for (int i = 0; i < factors.Length; i++)
        {
            Assert.Equal(1 * factors[i], path[i][0], 5);
            Assert.Equal(-2 * factors[i], path[i][1], 5);
        }
    }

    [Fact]
    public void Sgd_momentum_and_nesterov_follow_their_recurrences()
    {
        // Plain: w ← w − 0.1w.
        AssertPath([0.9, 0.81], Run("sgd lr=0.1", 2));
        // Momentum: v₁ = g₀ = w₀, w₁ = 0.9w₀; v₂ = 0.9v₁ + g₁ = 1.8w₀, w₂ = w₁ − 0.1v₂ = 0.72w₀.
        AssertPath([0.9, 0.72], Run("sgd lr=0.1 momentum=0.9", 2));
        // Nesterov: step along g + μv: w₁ = w₀ − 0.1·1.9w₀ = 0.81w₀;
        // v₂ = 0.9w₀ + 0.81w₀ = 1.71w₀, w₂ = 0.81w₀ − 0.1(0.81 + 0.9·1.71)w₀ = 0.5751w₀.
        AssertPath([0.81, 0.5751], Run("sgd lr=0.1 momentum=0.9 nesterov", 2));
    }

    [Fact]
    public void Adaptive_methods_take_a_first_step_of_lr_in_every_coordinate()
    {
        // Adam: m̂ = g, v̂ = g² after bias correction, so w₁ = w₀ − lr·sign(g) whatever |g| is.
        float[] adam = Run("adam lr=0.1", 1, gradientScale: 37)[0];
        Assert.Equal([0.9f, -1.9f], adam.Select(v => MathF.Round(v, 5)));
        // RMSProp: v = (1−α)g² = 0.01g², so w₁ = w₀ − lr·g/(0.1|g|) = w₀ − 10·lr·sign(g).
        float[] rms = Run("rmsprop lr=0.01", 1, gradientScale: 5)[0];
        Assert.Equal([0.9f, -1.9f], rms.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void AdamW_decays_weights_outside_the_adaptive_step_and_Adam_inside_it()
    {
        // A zero loss gradient isolates the decay. AdamW: w ← w(1 − lr·λ) = 0.95w.
        AssertPath([0.95], Run("adamw lr=0.1 weight_decay=0.5", 1, gradientScale: 0));
        // Adam's L2 adds λw to the gradient, which the adaptive step normalises: w ← w − lr·sign(w).
        Assert.Equal([0.9f, -1.9f], Run("adam lr=0.1 weight_decay=0.5", 1, gradientScale: 0)[0].Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Weight_decay_spares_biases_and_normalisation_unless_asked()
    {
        foreach (var (optimizer, biasFactor) in new[] { ("sgd lr=0.1 weight_decay=0.5", 1.0), ("sgd lr=0.1 weight_decay=0.5 decay_all", 0.95) })
        {
            manual_seed(2);
            using var model = ModelBuilder.Build(EnginePlans.Plan("dense 4 -> batchnorm -> prelu", Shape.Of(3)));
            var before = model.parameters().Select(p => p.data<float>().ToArray()).ToList();
            using var opt = OptimizerFactory.Create(Settings(optimizer), model.parameters());
            opt.zero_grad();
            (model.call(ones(2, 3)).sum() * 0).backward();  // every gradient exactly 0
            opt.step();
            var after = model.parameters().Select(p => (p.dim(), p.data<float>().ToArray())).ToList();
            for (int i = 0; i < after.Count; i++)
            {
                double factor = after[i].Item1 >= 2 ? 0.95 : biasFactor; // the weight matrix always decays: w(1 − lr·λ)
                for (int j = 0; j < before[i].Length; j++) Assert.Equal(before[i][j] * factor, after[i].Item2[j], 5);
            }
        }
    }

    [Fact]
    public void Each_rate_factor_has_its_weights_with_decay_then_the_rest_without_and_unfreezing_adds_the_same_groups()
    {
        using var first = nn.Linear(2, 3);
        using var second = nn.Linear(3, 2);
        var names = new Dictionary<IntPtr, string>();
        foreach (var (layer, prefix) in new[] { (first, "1"), (second, "2") })
            foreach (var (name, p) in layer.named_parameters()) names[p.Handle] = $"{prefix}.{name}";
        string Describe(IEnumerable<object> groups) => string.Join("; ", groups.Cast<Adam.ParamGroup>().Select(g =>
            $"{string.Join(", ", g.Parameters.Select(p => names[p.Handle]))} lr={g.LearningRate:G3} decay={g.Options.weight_decay:G3}"));
        Parameter[] all = [.. first.parameters(), .. second.parameters()];
        double Factor(Parameter p) => names[p.Handle].StartsWith('1') ? 0.1 : 1; // the first layer pretrained at lr × 0.1

        var split = Settings("adam lr=0.1 weight_decay=0.5");
        using (var opt = OptimizerFactory.Create(split, all, 1, Factor))
            Assert.Equal("2.weight lr=0.1 decay=0.5; 2.bias lr=0.1 decay=0; 1.weight lr=0.01 decay=0.5; 1.bias lr=0.01 decay=0", Describe(opt.ParamGroups));
        // Unfreezing the first layer at lr × 0.1 adds the groups it has above.
        Assert.Equal("1.weight lr=0.01 decay=0.5; 1.bias lr=0.01 decay=0", Describe(OptimizerFactory.Groups(split, [.. first.parameters()], 0.01)));

        var decayAll = Settings("adam lr=0.1 weight_decay=0.5 decay_all");
        using (var opt = OptimizerFactory.Create(decayAll, all, 1, Factor))
            Assert.Equal("2.weight, 2.bias lr=0.1 decay=0.5; 1.weight, 1.bias lr=0.01 decay=0.5", Describe(opt.ParamGroups));
        Assert.Equal("1.weight, 1.bias lr=0.01 decay=0.5", Describe(OptimizerFactory.Groups(decayAll, [.. first.parameters()], 0.01)));
    }

    [Fact]
    public void The_linear_scaling_rule_multiplies_lr_by_the_effective_batch_over_the_base()
    {
        TrainPlan step = EnginePlans.Lowered("dense 3", Shape.Of(2), before: "optimizer sgd lr=0.1\n", train: "batch=64 accumulate=8 base_batch=256");
        Assert.Equal(2.0, step.LearningRateScale);                                  // 64·8 / 256
        using var w = new Parameter(zeros(2));
        using var opt = OptimizerFactory.Create(step.Optimizer, [w], step.LearningRateScale);
        Assert.Equal(0.2, opt.ParamGroups.Single().LearningRate, 12);
    }

    [Fact]
    public void Clipping_by_value_then_by_global_norm()
    {
        using var a = new Parameter(zeros(2));
        using var b = new Parameter(zeros(1));
        void SetGrads()
        {
            a.grad = tensor(new float[] { 3, 4 });
            b.grad = tensor(new float[] { 12 });
        }
        SetGrads();
        new GradientClipper([a, b], maxNorm: 1.3, maxValue: null).Clip();  // ‖(3, 4, 12)‖ = 13 → × 0.1
        Assert.Equal([0.3f, 0.4f, 1.2f], a.grad!.data<float>().ToArray().Concat(b.grad!.data<float>().ToArray()).Select(v => MathF.Round(v, 5)));
        SetGrads();
        new GradientClipper([a, b], maxNorm: null, maxValue: 3.5).Clip();
        Assert.Equal([3f, 3.5f, 3.5f], a.grad!.data<float>().ToArray().Concat(b.grad!.data<float>().ToArray()));
        SetGrads();
        new GradientClipper([a, b], maxNorm: 100, maxValue: null).Clip();   // under the limit: untouched
        Assert.Equal([3f, 4f, 12f], a.grad!.data<float>().ToArray().Concat(b.grad!.data<float>().ToArray()));
    }
}
