using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>Residual blocks and repeat: the checker's shapes and counts against the built
/// modules, y = shortcut(x) + F(x) against a hand computation, and stochastic depth against
/// its definition (Huang et al.: drop rate p while training, F scaled by 1 − p when evaluating).</summary>
[Collection(TorchCollection.Name)]
public sealed class ResidualTests
{
    static nn.Module<Tensor, Tensor> Build(string model, Shape input, long seed = 7)
    {
        manual_seed(seed);
        return ModelBuilder.Build(EnginePlans.Plan(model, input));
    }

    static Dictionary<string, Tensor> Parameters(nn.Module module) => module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);

    /// <summary>Every top-level child against its plan: parameters, and the shape of a real forward pass.</summary>
    static void AssertMatchesPlan(ModelSpec plan, nn.Module<Tensor, Tensor> model, Tensor x)
    {
        var children = model.named_children().ToList();
        Assert.Equal(plan.Layers.Length, children.Count);
        for (int i = 0; i < children.Count; i++)
        {
            var module = (nn.Module<Tensor, Tensor>)children[i].module;
            Assert.Equal(plan.Layers[i].Parameters, module.parameters().Sum(p => p.numel()));
            x = module.call(x);
            Assert.Equal([x.shape[0], .. plan.Layers[i].Output.Dims.Select(d => (long)d)], x.shape);
        }
        Assert.Equal(plan.Parameters, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Flat_blocks_match_their_plan_and_are_named_within_the_block()
    {
        const string text = "dense 8 -> relu; residual { dense 8 -> relu; dense 8 } -> relu; residual { dense 4 }; repeat 2 { dense 4 -> relu }";
        ModelSpec plan = EnginePlans.Plan(text, Shape.Of(3));
        (string, string, long)[] expected =
        [
            ("dense", "[8]", 3 * 8 + 8), ("relu", "[8]", 0),
            ("residual", "[8]", 2 * (8 * 8 + 8)),       // identity shortcut: the branch only
            ("relu", "[8]", 0),
            ("residual", "[4]", 8 * 4 + 4 + 8 * 4),     // the branch, then the bias-free 8 → 4 projection
            ("dense", "[4]", 4 * 4 + 4), ("relu", "[4]", 0), ("dense", "[4]", 4 * 4 + 4), ("relu", "[4]", 0),
        ];
        Assert.Equal(expected, plan.Layers.Select(l => (l.Kind, l.Output.ToString(), l.Parameters)).ToArray());

        using var model = Build(text, Shape.Of(3));
        using var scope = NewDisposeScope();
        AssertMatchesPlan(plan, model, randn(5, 3));
        string[] names = ["dense1", "relu1", "residual1", "residual1.dense1", "residual1.relu1", "residual1.dense2", "relu2",
            "residual2", "residual2.dense1", "residual2.shortcut", "dense2", "relu3", "dense3", "relu4"];
        Assert.Equal(names.Order(), model.named_modules().Select(m => m.name).Order());
        var parameters = Parameters(model);
        Assert.Equal([4L, 8], parameters["residual2.shortcut.weight"].shape);
        Assert.False(parameters.ContainsKey("residual2.shortcut.bias"));
        // Each repeated copy has its own weights.
        Assert.False(parameters["dense2.weight"].eq(parameters["dense3.weight"]).all().item<bool>());
    }

    [Fact]
    public void An_image_branch_that_downsamples_gets_a_strided_one_by_one_convolution()
    {
        // (3, 9, 10): ⌊(9 + 2 − 3)/2⌋ + 1 = 5 and ⌊(10 + 2 − 3)/2⌋ + 1 = 5; the shortcut needs
        // ⌊(9 − 1)/s⌋ + 1 = 5 and ⌊(10 − 1)/s⌋ + 1 = 5, so s = 2.
        const string text = "residual { conv 8 stride=2 pad=1 -> batchnorm -> relu; conv 8 pad=1 } -> relu -> flatten";
        ModelSpec plan = EnginePlans.Plan(text, Shape.Of(3, 9, 10));
        LayerSpec residual = plan.Layers[0];
        Assert.Equal("[8, 5, 5]", residual.Output.ToString());
        Assert.Equal(8 * 3 * 9 + 8 + 2 * 8 + 8 * 8 * 9 + 8 + 8 * 3, residual.Parameters);
        var projection = Assert.IsType<ConvLayer>(residual.Shortcut!.Operation);
        Assert.Equal((1L, 2L, false), (projection.Kernel, projection.Stride, projection.Bias));

        using var model = Build(text, Shape.Of(3, 9, 10));
        using var scope = NewDisposeScope();
        AssertMatchesPlan(plan, model, randn(2, 3, 9, 10));
        var block = (NetScript.Runtime.Models.Layers.ResidualBlock)model.named_children().First().module;
        var shortcut = Assert.IsType<NetScript.Runtime.Models.Layers.Conv2d>(block.Shortcut);
        Assert.Equal([8L, 3, 1, 1], shortcut.get_parameter("weight")!.shape);
    }

    [Fact]
    public void The_output_is_the_shortcut_plus_the_branch_and_evaluation_scales_the_branch_by_its_survival()
    {
        using var scope = NewDisposeScope();
        Tensor x = tensor(new float[] { 1, 1 }).unsqueeze(0);
        // F(x) = Wx + b with W = [[1, 2], [3, 4]], b = [0.5, −0.5]: F([1, 1]) = [3.5, 6.5].
        float[] Forward(string model, bool training, float[]? shortcut = null)
        {
            using var module = Build(model, Shape.Of(2));
            var p = Parameters(module);
            using (no_grad())
            {
                p["residual1.dense1.weight"].copy_(tensor(new float[] { 1, 2, 3, 4 }).view(2, 2));
                p["residual1.dense1.bias"].copy_(tensor(new float[] { 0.5f, -0.5f }));
                if (shortcut is not null) p["residual1.shortcut.weight"].copy_(tensor(shortcut).view(-1, 2));
            }
            module.train(training);
            return module.call(x).data<float>().ToArray();
        }
        Assert.Equal([4.5f, 7.5f], Forward("residual { dense 2 }", training: true));
        Assert.Equal([4.5f, 7.5f], Forward("residual { dense 2 }", training: false));
        // Evaluating with p = 0.25: x + 0.75·F(x) = [1 + 2.625, 1 + 4.875].
        Assert.Equal([3.625f, 5.875f], Forward("residual stochastic_depth=0.25 { dense 2 }", training: false));
        Assert.Equal([3.625f, 5.875f], Forward("residual per_sample stochastic_depth=0.25 { dense 2 }", training: false));
        // p = 1 never keeps the branch: the identity when training, and F·0 when evaluating.
        Assert.Equal([1f, 1f], Forward("residual stochastic_depth=1 { dense 2 }", training: true));
        Assert.Equal([1f, 1f], Forward("residual stochastic_depth=1 { dense 2 }", training: false));
        // A 2 → 3 branch: F(x) = [3.5, 6.5] then a third unit; with W_s = [[1, 0], [0, 2], [1, 1]], W_s·x = [1, 2, 2].
        using var widen = Build("residual { dense 3 }", Shape.Of(2));
        var q = Parameters(widen);
        using (no_grad())
        {
            q["residual1.dense1.weight"].copy_(tensor(new float[] { 1, 2, 3, 4, 0, 0 }).view(3, 2));
            q["residual1.dense1.bias"].copy_(tensor(new float[] { 0.5f, -0.5f, 1 }));
            q["residual1.shortcut.weight"].copy_(tensor(new float[] { 1, 0, 0, 2, 1, 1 }).view(3, 2));
        }
        Assert.Equal([4.5f, 8.5f, 3f], widen.call(x).data<float>().ToArray());
    }

    static nn.Module<Tensor, Tensor> Branch(nn.Module<Tensor, Tensor> model) =>
        ((NetScript.Runtime.Models.Layers.ResidualBlock)model.named_children().First().module).Branch.Single();

    /// <summary>Training-mode forwards of a batch of ones: for each, whether the branch was skipped
    /// (every row equals x) — asserting each batch is all-skipped or all-kept.</summary>
    static bool[] BatchDraws(nn.Module<Tensor, Tensor> model, int batches)
    {
        using var scope = NewDisposeScope();
        Tensor x = ones(8, 4);
        Tensor kept = x + Branch(model).call(x);
        model.train();
        var draws = new bool[batches];
        for (int i = 0; i < batches; i++)
        {
            Tensor y = model.call(x);
            bool skipped = y.eq(x).all().item<bool>();
            Assert.True(skipped || y.allclose(kept), "a batch is kept or skipped as a whole");
            draws[i] = skipped;
        }
        return draws;
    }

    [Fact]
    public void Stochastic_depth_skips_whole_batches_at_rate_p_reproducibly()
    {
        using var model = Build("residual stochastic_depth=0.3 { dense 4 }", Shape.Of(4));
        manual_seed(3);
        bool[] first = BatchDraws(model, 500);
        int skipped = first.Count(s => s);
        Assert.InRange(skipped, 150 - 41, 150 + 41); // 500·0.3 ± 4σ, σ = √(500·0.3·0.7) ≈ 10.2
        manual_seed(3);
        Assert.Equal(first, BatchDraws(model, 500));  // the seeded generator decides

        // A skipped batch leaves the branch out of the graph: no gradient reaches it.
        using var always = Build("residual stochastic_depth=1 { dense 4 }", Shape.Of(4));
        using var scope = NewDisposeScope();
        always.call(ones(2, 4).requires_grad_()).sum().backward();
        Assert.Null(Parameters(always)["residual1.dense1.weight"].grad);
    }

    [Fact]
    public void Per_sample_stochastic_depth_drops_rows_independently()
    {
        using var model = Build("residual per_sample stochastic_depth=0.5 { dense 4 }", Shape.Of(4));
        using var scope = NewDisposeScope();
        Tensor x = ones(2000, 4);
        Tensor full = x + Branch(model).call(x);
        manual_seed(5);
        model.train();
        Tensor y = model.call(x);
        long skipped = y.eq(x).all(1).sum().item<long>();
        long kept = (y - full).abs().lt(1e-5).all(1).sum().item<long>();
        Assert.Equal(2000, skipped + kept);           // each row is x or x + F(x)
        Assert.InRange(skipped, 1000 - 90, 1000 + 90); // 2000·0.5 ± 4σ, σ = √(2000·0.25) ≈ 22.4
    }
}
