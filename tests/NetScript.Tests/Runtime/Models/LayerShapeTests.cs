using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>The checker's shape and parameter rules against what TorchSharp builds: every
/// layer's output shape from a real forward pass, every parameter count from
/// module.parameters(), and both against hand-computed values.</summary>
[Collection(TorchCollection.Name)]
public sealed class LayerShapeTests
{
    // (3, 32, 33): height and width differ so a swapped axis shows.
    const string ImageModel = """
        conv 8 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2
        conv 6 kernel=5 stride=2 dilation=2 bias=false -> prelu per_channel -> avgpool 3 stride=1 pad=1
        conv 4 kernel=1 -> elu -> global_avgpool -> batchnorm
        dense 10 dropconnect=0.5 -> maxout 5 k=3 -> pwl -> dropout 0.3 -> flatten
        """;

    [Fact]
    public void Image_model_shapes_and_counts_match_a_hand_computation()
    {
        ModelSpec plan = EnginePlans.Plan(ImageModel, Shape.Of(3, 32, 33));
        (string Kind, string Output, long Parameters)[] expected =
        [
            ("conv", "[8, 32, 33]", 8 * 3 * 9 + 8),          // pad 1 keeps the size
            ("batchnorm", "[8, 32, 33]", 2 * 8),             // γ, β per channel
            ("relu", "[8, 32, 33]", 0),
            ("maxpool", "[8, 16, 16]", 0),                   // ⌊33/2⌋ = 16
            ("conv", "[6, 4, 4]", 6 * 8 * 25),               // span 2·4+1 = 9: ⌊(16−9)/2⌋+1 = 4, no bias
            ("prelu", "[6, 4, 4]", 6),
            ("avgpool", "[6, 4, 4]", 0),                     // (4 + 2 − 3)/1 + 1
            ("conv", "[4, 4, 4]", 4 * 6 + 4),
            ("elu", "[4, 4, 4]", 0),
            ("global_avgpool", "[4]", 0),
            ("batchnorm", "[4]", 2 * 4),
            ("dense", "[10]", 4 * 10 + 10),
            ("maxout", "[5]", 10 * 15 + 15),                 // 5 units × 3 pieces
            ("pwl", "[5]", 2),
            ("dropout", "[5]", 0),
            ("flatten", "[5]", 0),
        ];
        Assert.Equal(expected, plan.Layers.Select(l => (l.Kind, l.Output.ToString(), l.Parameters)).ToArray());
    }

    [Fact]
    public void Built_modules_produce_the_checked_shapes_and_parameter_counts()
    {
        ModelSpec plan = EnginePlans.Plan(ImageModel, Shape.Of(3, 32, 33));
        manual_seed(1);
        using var model = ModelBuilder.Build(plan);
        var children = model.named_children().ToList();
        Assert.Equal(plan.Layers.Length, children.Count);
        using var scope = NewDisposeScope();
        Tensor x = randn(2, 3, 32, 33);
        for (int i = 0; i < children.Count; i++)
        {
            LayerSpec layer = plan.Layers[i];
            var module = (nn.Module<Tensor, Tensor>)children[i].module;
            Assert.Equal(layer.Parameters, module.parameters().Sum(p => p.numel()));
            x = module.call(x);
            Assert.Equal([2L, .. layer.Output.Dims.Select(d => (long)d)], x.shape);
        }
        Assert.Equal(plan.Parameters, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Children_are_named_by_kind_and_batchnorm_follows_the_input_rank()
    {
        ModelSpec plan = EnginePlans.Plan("conv 4 -> batchnorm -> relu -> flatten -> dense 8 -> batchnorm -> relu", Shape.Of(1, 5, 5));
        using var model = ModelBuilder.Build(plan);
        var children = model.named_children().ToList();
        Assert.Equal(["conv1", "batchnorm1", "relu1", "flatten1", "dense1", "batchnorm2", "relu2"], children.Select(c => c.name));
        Assert.Equal(["BatchNorm2d", "BatchNorm1d"], new[] { children[1].module, children[5].module }.Select(m => m.GetName()));
    }

    [Fact]
    public void Kernels_and_windows_that_do_not_fit_are_reported_at_the_layer()
    {
        var conv = EnginePlans.Check("conv 8 kernel=5 dilation=2 -> flatten -> dense 3", Shape.Of(1, 6, 6));
        var error = Assert.Single(conv.Diagnostics);
        Assert.Equal("NS0302", error.Id);
        Assert.Equal("`conv1` cannot take input of shape [1, 6, 6]: the kernel 5 (spanning 9 with dilation 2) is larger than the input 6×6", error.Message);
        Assert.Equal(4, error.Location!.Value.Line);

        var pool = EnginePlans.Check("maxpool 3 pad=2 -> flatten -> dense 3", Shape.Of(1, 6, 6));
        Assert.Equal("`maxpool1` cannot take input of shape [1, 6, 6]: `pad`=2 is more than half the window 3", Assert.Single(pool.Diagnostics).Message);

        var global = EnginePlans.Check("global_avgpool -> dense 3", Shape.Of(4));
        Assert.Equal("`global_avgpool1` cannot take input of shape [4]: `global_avgpool` averages each channel of an image (channels, height, width)",
            Assert.Single(global.Diagnostics).Message);
    }
}
