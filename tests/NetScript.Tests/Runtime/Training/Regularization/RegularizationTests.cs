using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Training.Losses;
using NetScript.Runtime.Training.Regularization;
using TorchSharp.Modules;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Training.Regularization;

/// <summary>Each `regularize` setting against a hand computation: the penalties' gradient
/// terms, which optimizer applies weight decay how, the max-norm projection, Mixup's and
/// CutMix's batches and losses, and the Beta draws behind them.</summary>
[Collection(TorchCollection.Name)]
public sealed class RegularizationTests
{
    /// <summary>A 3→2 linear layer whose weight gradient is G and bias gradient (1, 1).</summary>
    static (Linear Layer, float[] Gradient) LayerWithGradient()
    {
        var layer = nn.Linear(3, 2);
        using (no_grad())
        {
            layer.weight!.copy_(tensor(new float[] { 0.5f, -2, 0, 1, 0.25f, -0.5f }).view(2, 3));
            layer.bias!.copy_(tensor(new float[] { 0.3f, -0.3f }));
        }
        float[] g = [0.1f, 0.2f, 0.3f, -0.1f, -0.2f, -0.3f];
        using Tensor objective = (layer.weight! * tensor(g).view(2, 3)).sum() + layer.bias!.sum();
        objective.backward();
        return (layer, g);
    }

    [Fact]
    public void L1_and_l2_add_lambda_sign_w_and_lambda_w_to_the_weights_gradient_only()
    {
        var (layer, g) = LayerWithGradient();
        using (layer)
        {
            using var penalty = ParameterPenalty.Create(new Penalty(0.1, All: false), new Penalty(0.01, All: false), layer.parameters().ToList())!;
            penalty.AddGradients();
            // w = (0.5, −2, 0, 1, 0.25, −0.5): g + 0.1·sign(w) + 0.01·w, with sign(0) = 0.
            float[] expected = [0.1f + 0.1f + 0.005f, 0.2f - 0.1f - 0.02f, 0.3f, -0.1f + 0.1f + 0.01f, -0.2f + 0.1f + 0.0025f, -0.3f - 0.1f - 0.005f];
            Assert.Equal(expected, layer.weight!.grad!.data<float>().ToArray(), new FloatComparer(1e-6f));
            Assert.Equal([1f, 1f], layer.bias!.grad!.data<float>().ToArray()); // biases are not penalised
        }
        var (all, _) = LayerWithGradient();
        using (all)
        {
            using var penalty = ParameterPenalty.Create(new Penalty(0.1, All: true), null, all.parameters().ToList())!;
            penalty.AddGradients();
            Assert.Equal([1.1f, 0.9f], all.bias!.grad!.data<float>().ToArray(), new FloatComparer(1e-6f)); // decay_all: 1 + 0.1·sign(±0.3)
        }
        Assert.Null(ParameterPenalty.Create(new Penalty(0, All: false), null, []));
    }

    [Fact]
    public void Penalties_and_weight_decay_reach_the_update()
    {
        // One weight w = 1, x = 1, target 0, MSE: the data gradient is 2w; SGD with lr 0.1, one update.
        double Train(string regularize, string optimizer = "optimizer sgd lr=0.1") =>
            ScheduleTests.TrainOneWeight("", regularize == "" ? "" : $"regularize m {{ {regularize} }}\n", optimizer, epochs: 1);
        Assert.Equal(0.8, Train(""), 6);
        Assert.Equal(1 - 0.1 * (2 + 0.5), Train("l1 0.5"), 6);
        Assert.Equal(1 - 0.1 * (2 + 1.0), Train("l2 1"), 6);
        Assert.Equal(1 - 0.1 * (2 + 0.5 + 1.0), Train("elastic_net l1=0.5 l2=1"), 6);
        // `weight_decay` replaces the optimizer's (0.3 would give 0.77).
        Assert.Equal(1 - 0.1 * 2.3, Train("", "optimizer sgd lr=0.1 weight_decay=0.3"), 6);
        Assert.Equal(1 - 0.1 * 2.5, Train("weight_decay 0.5", "optimizer sgd lr=0.1 weight_decay=0.3"), 6);
        // Adam's first step is lr·g/|g| whatever the size of g, so a coupled L2 term changes nothing (0.9);
        // AdamW's decoupled decay shrinks w by lr·λ first: 1·(1 − 0.1·0.5) − 0.1 (Loshchilov & Hutter).
        Assert.Equal(0.9, Train("l2 0.5", "optimizer adamw lr=0.1 weight_decay=0"), 6);
        Assert.Equal(0.85, Train("weight_decay 0.5", "optimizer adamw lr=0.1 weight_decay=0"), 6);
    }

    [Fact]
    public void Max_norm_scales_longer_weight_vectors_back_to_c()
    {
        using var dense = nn.Linear(2, 2);
        using var conv = nn.Conv2d(1, 2, 2);
        using (no_grad())
        {
            dense.weight!.copy_(tensor(new float[] { 3, 4, 0.6f, 0.8f }).view(2, 2)); // rows of norm 5 and 1
            dense.bias!.fill_(10);
            conv.weight!.copy_(tensor(new float[] { 2, 2, 2, 2, 0.5f, 0.5f, 0.5f, 0.5f }).view(2, 1, 2, 2)); // filters of norm 4 and 1
        }
        new MaxNormConstraint([.. dense.parameters(), .. conv.parameters()], 2).Apply();
        Assert.Equal([1.2f, 1.6f, 0.6f, 0.8f], dense.weight!.data<float>().ToArray(), new FloatComparer(1e-5f));
        Assert.Equal([10f, 10f], dense.bias!.data<float>().ToArray());
        Assert.Equal([1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f], conv.weight!.data<float>().ToArray(), new FloatComparer(1e-5f));
    }

    [Fact]
    public void Max_norm_holds_every_row_during_training()
    {
        double LongestRow(string regularize)
        {
            using var workspace = new NetScript.Runtime.Execution.Workspace();
            string script = TrainingLoopTests.Data + $"model m {{ dense 32 -> relu; dense 3 }}\n{regularize}\noptimizer sgd lr=0.5 momentum=0.9\ntrain m on train epochs=5 batch=8\n";
            Assert.True(Pipelines.Execute(script, workspace).Succeeded);
            return workspace.Models["m"].Module.parameters().Where(p => p.dim() == 2)
                .Max(p => p.norm(1, keepdim: false, p: 2).max().item<float>());
        }
        Assert.True(LongestRow("") > 0.8, "without the constraint some rows grow past it");
        Assert.InRange(LongestRow("regularize m { max_norm 0.8 }"), 0.2, 0.8 + 1e-5);
    }

    static LossFunction CrossEntropy() =>
        LossFactory.Create(new NetScript.Language.Lowering.CrossEntropyLoss(0) { Target = LossTarget.Classes }, Shape.Of(2), classes: 2);

    [Fact]
    public void Mixup_with_a_fixed_lambda_is_the_hand_mixed_batch_and_loss()
    {
        using var scope = NewDisposeScope();
        Tensor x = tensor(new float[] { 1, 2, 3, 4 }).view(2, 2), y = tensor(new long[] { 0, 1 });
        Tensor perm = tensor(new long[] { 1, 0 });
        var batch = BatchMixer.Mixup(x, x.index_select(0, perm), y, y.index_select(0, perm), 0.3);
        // 0.3·(1, 2) + 0.7·(3, 4) and 0.3·(3, 4) + 0.7·(1, 2).
        Assert.Equal([2.4f, 3.4f, 1.6f, 2.6f], batch.Input.data<float>().ToArray(), new FloatComparer(1e-6f));
        using var loss = CrossEntropy();
        Tensor output = tensor(new float[] { 2, 0, 0, 1 }).view(2, 2);
        // Own labels (0, 1): (log(1 + e⁻²) + log(1 + e⁻¹))/2 = (0.1269280 + 0.3132617)/2 = 0.2200948;
        // permuted (1, 0): (log(1 + e²) + log(1 + e))/2 = (2.1269280 + 1.3132617)/2 = 1.7200948;
        // 0.3·0.2200948 + 0.7·1.7200948 = 1.2700948.
        Assert.Equal(1.2700948, batch.Loss(loss, output).item<float>(), 6);
        Assert.Equal([1L, 0L], batch.Decisions.data<long>().ToArray()); // the permuted labels have the larger share
    }

    [Fact]
    public void Cutmix_pastes_one_box_and_sets_lambda_to_the_uncovered_fraction()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            using var scope = NewDisposeScope();
            Tensor x = zeros(2, 1, 8, 8), other = ones(2, 1, 8, 8), y = tensor(new long[] { 0, 1 });
            // λ = 0.75: a box of side ⌊8·√0.25⌋ = 4 centred on a random pixel, clipped at the border.
            var batch = BatchMixer.CutMix(x, other, y, y.flip(0), 0.75, new SeededRandom(seed));
            float[] pasted = batch.Input.sum([1, 2, 3]).data<float>().ToArray();
            Assert.Equal(pasted[0], pasted[1]); // one box for the batch
            Assert.InRange(pasted[0], 4, 16);
            Assert.Equal(1 - pasted[0] / 64, batch.Lambda, 12);
            float[] image = batch.Input.narrow(0, 0, 1).data<float>().ToArray(); // (8·8) row-major
            int rows = Enumerable.Range(0, 8).Count(r => image.Skip(8 * r).Take(8).Any(v => v > 0));
            int cols = Enumerable.Range(0, 8).Count(c => Enumerable.Range(0, 8).Any(r => image[8 * r + c] > 0));
            Assert.Equal(pasted[0], rows * cols); // a rectangle
        }
    }

    [Fact]
    public void Beta_draws_have_the_distributions_moments()
    {
        foreach (double alpha in new[] { 0.4, 1.0, 2.0 })
        {
            var random = new SeededRandom(7);
            double[] draws = Enumerable.Range(0, 40_000).Select(_ => BetaSampler.Sample(random, alpha, alpha)).ToArray();
            double mean = draws.Average(), variance = draws.Select(d => (d - mean) * (d - mean)).Average();
            Assert.All(draws, d => Assert.InRange(d, 0, 1));
            Assert.Equal(0.5, mean, 2);
            Assert.Equal(1 / (4 * (2 * alpha + 1)), variance, 2); // Beta(α, α): αβ/((α+β)²(α+β+1))
        }
    }

    sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
