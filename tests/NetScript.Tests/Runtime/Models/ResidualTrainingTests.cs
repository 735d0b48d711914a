using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>Residual networks at initialisation (the notes: MSRA in every block makes
/// Var(x + F(x)) grow with depth; zeroing each branch's last layer keeps Var(x)), in
/// training (a residual MLP with stochastic depth learns the spiral and repeats under its
/// seed) and under the statistics collector (layers named within their block).</summary>
[Collection(TorchCollection.Name)]
public sealed class ResidualTrainingTests
{
    static nn.Module<Tensor, Tensor> Build(string model, Shape input)
    {
        manual_seed(11);
        return ModelBuilder.Build(EnginePlans.Plan(model, input));
    }

    static Dictionary<string, Tensor> Parameters(nn.Module module) => module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);

    const string Stack = "repeat 8 { residual { dense 256 -> relu; dense 256 } }";

    [Fact]
    public void Zeroing_the_last_layer_of_each_branch_keeps_the_variance_that_msra_alone_grows()
    {
        using var scope = NewDisposeScope();
        Tensor x = randn(512, 256);
        double Growth(string init)
        {
            using var model = Build(Stack + "\ninit " + init, Shape.Of(256));
            model.eval();
            using var noGrad = no_grad();
            return model.call(x).std().item<float>() / x.std().item<float>();
        }
        // Each MSRA block adds Var(F(x)) ≈ Var(x): the standard deviation grows about √2 per block.
        Assert.True(Growth("kaiming") > 4, $"std grew {Growth("kaiming")}× through 8 blocks");
        Assert.Equal(1.0, Growth("kaiming zero_residual"), 6);

        using var zeroed = Build(Stack + "\ninit kaiming zero_residual bias=0.01", Shape.Of(256));
        var p = Parameters(zeroed);
        Assert.True(p["residual8.dense2.weight"].eq(0).all().item<bool>() && p["residual8.dense2.bias"].eq(0).all().item<bool>());
        Assert.Equal(0.01f, p["residual8.dense1.bias"][0].item<float>());                    // the rest follow the init line
        Assert.InRange(p["residual8.dense1.weight"].std().item<float>(), 0.98 * Math.Sqrt(2.0 / 256), 1.02 * Math.Sqrt(2.0 / 256));
    }

    [Fact]
    public void A_branch_ending_in_batchnorm_starts_with_a_zero_scale()
    {
        const string model = "conv 4 pad=1 -> relu; residual { conv 4 pad=1 -> batchnorm -> relu; conv 4 pad=1 -> batchnorm }; flatten -> dense 3\ninit kaiming zero_residual";
        using var net = Build(model, Shape.Of(1, 6, 6));
        var p = Parameters(net);
        Assert.True(p["residual1.batchnorm2.weight"].eq(0).all().item<bool>());
        Assert.True(p["residual1.batchnorm1.weight"].eq(1).all().item<bool>());
        Assert.False(p["residual1.conv2.weight"].eq(0).all().item<bool>());

        using var scope = NewDisposeScope();
        var children = net.named_children().Select(c => (nn.Module<Tensor, Tensor>)c.module).ToList();
        Tensor input = children[1].call(children[0].call(randn(4, 1, 6, 6))); // the block's input
        net.train();
        Assert.True(children[2].call(input).equal(input).all().item<bool>());  // training: batch statistics, β = 0
    }

    [Fact]
    public void The_init_line_sets_the_projection_and_zero_residual_leaves_it()
    {
        using var net = Build("residual { dense 16 -> relu; dense 16 }; dense 3\ninit constant 0.5 zero_residual", Shape.Of(4));
        var p = Parameters(net);
        Assert.True(p["residual1.shortcut.weight"].eq(0.5).all().item<bool>());
        Assert.True(p["residual1.dense1.weight"].eq(0.5).all().item<bool>());
        Assert.True(p["residual1.dense2.weight"].eq(0).all().item<bool>());
    }

    [Fact]
    public void A_residual_mlp_with_stochastic_depth_learns_the_spiral_and_repeats_under_its_seed()
    {
        const string script = TrainingLoopTests.Data + """
            model m {
              dense 32 -> relu
              repeat 2 { residual stochastic_depth=0.2 { dense 32 -> relu; dense 32 } -> relu }
              dense 3
              init kaiming zero_residual
            }
            optimizer adam lr=0.02
            train m on train epochs=40 batch=16 validate=val stats=7

            """;
        (List<EpochCompleted> Epochs, float[][] Weights) Run()
        {
            var observer = new RecordingObserver();
            using var workspace = new Workspace();
            var result = Pipelines.Execute(script, workspace, observer);
            Assert.True(result.Succeeded, result.Failure?.Message);
            return (observer.Of<EpochCompleted>().ToList(), TrainingLoopTests.Weights(workspace));
        }
        var first = Run();
        Assert.True(first.Epochs[^1].Train.Loss < 0.5 * first.Epochs[0].Train.Loss, $"loss {first.Epochs[0].Train.Loss} → {first.Epochs[^1].Train.Loss}");
        Assert.True(first.Epochs[^1].Validation!.Accuracy > 0.85, $"val accuracy {first.Epochs[^1].Validation!.Accuracy}");
        var second = Run();
        Assert.Equal(first.Epochs.Select(e => (e.Train, e.Validation)), second.Epochs.Select(e => (e.Train, e.Validation)));
        Assert.Equal(first.Weights, second.Weights);
    }

    [Fact]
    public void Statistics_see_the_layers_inside_a_block_and_count_each_parameter_once()
    {
        using var net = Build("dense 8 -> relu; residual { dense 8 -> relu; dense 4 } -> relu; dense 3", Shape.Of(2));
        using var scope = NewDisposeScope();
        var sample = Statistics.Sampling.Forward(net, randn(16, 2));
        Assert.Equal(["dense1", "relu1", "residual1.dense1", "residual1.relu1", "residual1.dense2", "residual1", "relu2", "dense2"],
            sample.Layers.Select(l => l.Layer));
        Assert.Equal(Enumerable.Range(0, 8), sample.Layers.Select(l => l.Index));
        Assert.Equal(["shortcut.weight"], sample.Layers.Single(l => l.Layer == "residual1").Parameters.Select(p => p.Name));
        Assert.Equal(["weight", "bias"], sample.Layers.Single(l => l.Layer == "residual1.dense2").Parameters.Select(p => p.Name));
        Assert.NotNull(sample.Layers.Single(l => l.Layer == "residual1.relu1").DeadFraction);   // a rectifier inside the block
        Assert.Equal(net.parameters().Count(), sample.Layers.Sum(l => l.Parameters.Count));
    }
}
