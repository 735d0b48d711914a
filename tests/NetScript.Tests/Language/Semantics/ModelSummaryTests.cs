using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training.Losses;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;
using static TorchSharp.torch;

namespace NetScript.Tests.Language.Semantics;

/// <summary>`check --summary` counts against TorchSharp: each row's trainable parameters are the
/// built child's parameters that require gradients, its non-trainable ones the floating-point
/// buffers (batchnorm's running mean and variance) plus parameters that do not; names are the
/// built children's names.</summary>
[Collection(TorchCollection.Name)]
public sealed class ModelSummaryTests
{
    public static TheoryData<string, string, int[]> Models() => new()
    {
        { "mlp", "dense 100 -> relu\ndense 3", [2] },
        { "cnn with batchnorm", "conv 8 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2\nconv 16 kernel=3 stride=2 bias=false -> batchnorm -> relu\nflatten -> dense 32 -> batchnorm -> relu -> dropout 0.5\ndense 3", [3, 16, 16] },
        { "maxout", "dense 20 -> maxout 10 k=3\nmaxout 5 k=2 bias=false -> dense 3 dropconnect=0.5", [4] },
        { "prelu and pwl", "conv 4 -> prelu per_channel -> global_avgpool\ndense 6 -> prelu -> dense 6 -> pwl k2=0.1\ndense 3", [2, 6, 6] },
        { "batchnorm without affine", "dense 7 -> batchnorm affine=false -> relu -> dense 3", [5] },
        { "batchnorm inside residual blocks", "conv 8 pad=1\nresidual { conv 8 pad=1 -> batchnorm -> relu }\nresidual { conv 4 pad=1 stride=2 -> batchnorm }\nflatten -> dense 3", [3, 6, 6] },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Counts_equal_the_built_modules(string name, string model, int[] input)
    {
        TrainStep step = EnginePlans.Train(model, Shape.Of(input));
        ModelSummary summary = ModelSummary.Of(step);
        using var built = ModelBuilder.Build(Lowerer.Model(step.Plan));
        var children = built.named_children().ToList();
        Assert.Equal(children.Select(c => c.name), summary.Rows.Select(r => r.Name));
        for (int i = 0; i < children.Count; i++)
        {
            var module = children[i].module;
            SummaryRow row = summary.Rows[i];
            Assert.True(Trainable(module) == row.Trainable, $"{name}: {row.Name} trainable {row.Trainable}, TorchSharp {Trainable(module)}");
            Assert.True(NonTrainable(module) == row.NonTrainable, $"{name}: {row.Name} non-trainable {row.NonTrainable}, TorchSharp {NonTrainable(module)}");
        }
        Assert.Equal(Trainable(built), summary.Trainable);
        Assert.Equal(NonTrainable(built), summary.NonTrainable);
    }

    [Fact]
    public void Hand_counts_of_a_small_cnn()
    {
        ModelSummary summary = ModelSummary.Of(EnginePlans.Train("conv 8 kernel=3 -> batchnorm -> relu -> flatten -> dense 3", Shape.Of(1, 5, 5)));
        Assert.Equal(
            [("conv1", "[8, 3, 3]", 8 * 9 + 8L, 0L), ("batchnorm1", "[8, 3, 3]", 16, 16), ("relu1", "[8, 3, 3]", 0, 0),
             ("flatten1", "[72]", 0, 0), ("dense1", "[3]", 72 * 3 + 3, 0)],
            summary.Rows.Select(r => (r.Name, r.Output!.ToString(), r.Trainable, r.NonTrainable)).ToArray());
        Assert.Equal((80L + 16 + 219, 16L), (summary.Trainable, summary.NonTrainable));
    }

    [Fact]
    public void Running_statistics_inside_a_residual_block_are_non_trainable()
    {
        ModelSummary summary = ModelSummary.Of(EnginePlans.Train("dense 8\nresidual { dense 8 -> batchnorm -> relu }\ndense 3", Shape.Of(2)));
        Assert.Equal(16L, summary.Rows[1].NonTrainable); // running mean and variance of 8 features
        Assert.Equal(16L, summary.NonTrainable);
    }

    [Fact]
    public void The_loss_owns_parameters_of_its_own()
    {
        TrainStep step = EnginePlans.Train("dense 6 -> tanh", Shape.Of(2), classes: 11, train: "loss=hierarchical_softmax");
        ModelSummary summary = ModelSummary.Of(step);
        SummaryRow loss = summary.Rows[^1];
        Assert.Equal(("loss", "hierarchical_softmax", (Shape?)null), (loss.Name, loss.Kind, loss.Output));
        using var built = LossFactory.Create(Lowerer.Loss(step.Settings.Loss, Lowerer.Model(step.Plan)), step.Plan.Output, 11);
        Assert.Equal(Trainable(built), loss.Trainable);
        Assert.Equal(10L * 7, loss.Trainable);
        Assert.Contains("loss (hierarchical_softmax)", SummaryTable.Format(summary));
    }

    [Fact]
    public void The_table_lists_every_layer_and_the_totals()
    {
        ModelSummary summary = ModelSummary.Of(EnginePlans.Train("dense 100 -> batchnorm -> relu\ndense 3", Shape.Of(2)));
        string expected = """
            model `m` on `train`
              layer       output shape  trainable  non-trainable
              --------------------------------------------------
              input       [2]
              dense1      [100]               300              0
              batchnorm1  [100]               200            200
              relu1       [100]                 0              0
              dense2      [3]                 303              0
              total 1,003 parameters (3.9 KB as float32): 803 trainable, 200 non-trainable

            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), SummaryTable.Format(summary));
    }

    static long Trainable(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    static long NonTrainable(nn.Module module) =>
        module.parameters().Where(p => !p.requires_grad).Sum(p => p.numel())
        + module.buffers().Where(b => b.is_floating_point()).Sum(b => b.numel());
}
