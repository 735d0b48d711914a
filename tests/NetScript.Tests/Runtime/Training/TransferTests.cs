using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Export;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

[Collection(TorchCollection.Name)]
public sealed class TransferTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("netscript-transfer-").FullName;

    string File(string name) => Path.Combine(_folder, name);

    string Pretrained(string file) => $$"""
        seed 3
        threads 1
        load dataset "spiral" classes=3 points=40 as d
        model mlp {
          dense 16 -> batchnorm -> relu
          dense 3
        }
        optimizer adam lr=0.02
        train mlp on d epochs=2 batch=16
        export mlp to "{{file}}"

        """;

    [Fact]
    public void Frozen_weights_and_batchnorm_statistics_stay_bit_for_bit_while_the_replaced_head_learns_with_the_new_class_count()
    {
        string file = File("base.nnsm");
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(Pretrained(file), base_).Succeeded);
        var saved = ExportedModel.Read(file).Weights;
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Pretrained(File("again.nnsm")) + $"""
            load dataset "spiral" classes=4 points=30 as four
            transfer mlp from "{file}" freeze=[dense1, batchnorm1] replace=dense:last lr=0.05 as tuned
            train tuned on four epochs=3 batch=16
            """, workspace);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var state = workspace.Models["tuned"].Module.state_dict();
        foreach (string name in new[] { "dense1.weight", "dense1.bias", "batchnorm1.weight", "batchnorm1.bias", "batchnorm1.running_mean", "batchnorm1.running_var", "batchnorm1.num_batches_tracked" })
        {
            using Tensor before = saved[name].ToTensor();
            Assert.True(before.equal(state[name]).all().item<bool>(), $"{name} changed");
        }
        // The head was resized for 4 classes, re-initialised and trained.
        Assert.Equal([4L, 16L], state["dense2.weight"].shape);
        Assert.Equal([3L, 16L], saved["dense2.weight"].Shape);
        Assert.False(state["dense1.weight"].requires_grad);
        Assert.True(state["dense2.weight"].requires_grad);
    }

    [Fact]
    public void Without_freeze_bn_the_frozen_batchnorm_statistics_adapt()
    {
        string file = File("base.nnsm");
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(Pretrained(file), base_).Succeeded);
        var saved = ExportedModel.Read(file).Weights;
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Pretrained(File("again.nnsm")) + $"""
            transfer mlp from "{file}" freeze=[dense1, batchnorm1] freeze_bn=false as tuned
            train tuned on d epochs=1 batch=16
            """, workspace);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var state = workspace.Models["tuned"].Module.state_dict();
        using Tensor mean = saved["batchnorm1.running_mean"].ToTensor();
        Assert.False(mean.equal(state["batchnorm1.running_mean"]).all().item<bool>());
        using Tensor gamma = saved["batchnorm1.weight"].ToTensor();
        Assert.True(gamma.equal(state["batchnorm1.weight"]).all().item<bool>()); // the affine parameters stay frozen
    }

    [Fact]
    public void The_optimizer_holds_exactly_the_trainable_parameters_and_lr_mult_scales_the_pretrained_ones()
    {
        using var module = nn.Sequential(("dense1", nn.Linear(2, 4)), ("dense2", nn.Linear(4, 3)), ("dense3", nn.Linear(3, 2)));
        var fine = new FineTuneSpec(["dense1"], "dense3") { LearningRateMultiplier = 0.1 };
        FineTuner.Freeze(module, fine.Frozen, fine.FreezeBatchNorm);
        var spec = new AdamOptimizer(false, 0.01, 0.9, 0.999, 1e-8, 0, false);
        var trainable = module.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = OptimizerFactory.Create(spec, trainable, 1, FineTuner.RateFactors(module, fine));
        var held = optimizer.ParamGroups.Cast<TorchSharp.Modules.ParamGroup>().SelectMany(g => g.Parameters).Select(p => p.Handle).ToHashSet();
        var named = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.Handle);
        Assert.Equal(new HashSet<IntPtr> { named["dense2.weight"], named["dense2.bias"], named["dense3.weight"], named["dense3.bias"] }, held);
        // The replaced head at lr, the pretrained dense2 at lr × 0.1.
        var groups = optimizer.ParamGroups.Cast<TorchSharp.Modules.ParamGroup>().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(0.01, groups[0].LearningRate, 12);
        Assert.Equal([named["dense3.weight"], named["dense3.bias"]], groups[0].Parameters.Select(p => p.Handle));
        Assert.Equal(0.001, groups[1].LearningRate, 12);
    }

    [Fact]
    public void Gradual_unfreezing_trains_the_frozen_layers_after_the_given_epochs()
    {
        string file = File("base.nnsm");
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(Pretrained(file), base_).Succeeded);
        var saved = ExportedModel.Read(file).Weights;
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Pretrained(File("again.nnsm")) + $"""
            transfer mlp from "{file}" freeze=[dense1] unfreeze=1 lr_mult=0.5 as tuned
            train tuned on d epochs=2 batch=16
            """, workspace);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var state = workspace.Models["tuned"].Module.state_dict();
        using Tensor before = saved["dense1.weight"].ToTensor();
        Assert.False(before.equal(state["dense1.weight"]).all().item<bool>(), "dense1 was never unfrozen");
        Assert.True(state["dense1.weight"].requires_grad);
    }

    /// <summary>Stopped in epoch <paramref name="stopIn"/> of a gradual unfreezing (unfreeze=1,
    /// so epoch 2 trains dense1 too) and resumed from the checkpoint: the same weights as a
    /// training straight through — the unfreezing happens again before the optimizer's state
    /// (which then has the unfrozen layers' group) is read back.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_resumed_gradual_unfreezing_continues_exactly(int stopIn)
    {
        string file = File("base.nnsm");
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(Pretrained(file), base_).Succeeded);
        string script = Pretrained(File("again.nnsm")) + $"""
            transfer mlp from "{file}" freeze=[dense1] unfreeze=1 lr_mult=0.5 as tuned
            train tuned on d epochs=3 batch=16 stats=0
            """;
        float[] Weights(Workspace w) => [.. w.Models["tuned"].Module.parameters().SelectMany(p => p.data<float>().ToArray())];
        float[] straight;
        using (var workspace = new Workspace())
        {
            var run = Pipelines.Execute(script, workspace);
            Assert.True(run.Succeeded, run.Failure?.Message);
            straight = Weights(workspace);
        }
        var folder = NetScript.Runtime.Recording.RunFolder.Create(Scripts.TempDirectory(), "resume.nns", "");
        using (var cancel = new CancellationTokenSource())
        using (var stopped = new Workspace())
        {
            var observer = new NetScript.Tests.Runtime.Recording.CheckpointTests.CallbackObserver(e =>
            {
                if (e is NetScript.Runtime.Events.TrainingProgress { Step: 2 } p && p.Model == "tuned" && p.Epoch == stopIn) cancel.Cancel();
            });
            var run = Pipelines.Execute(script, stopped, observer, cancel.Token, folder, TimeSpan.Zero);
            Assert.Equal("NS0702", run.Failure?.Id);
        }
        using var resumed = new Workspace();
        var again = Pipelines.Execute(script + $" resume=\"{Path.Combine(folder.Path, "tuned", "last.ckpt")}\"\n", resumed);
        Assert.True(again.Succeeded, again.Failure?.Message);
        Assert.Equal(straight, Weights(resumed));
    }

    [Fact]
    public void A_file_of_another_architecture_is_an_error_naming_the_first_mismatching_layer()
    {
        string file = File("base.nnsm");
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(Pretrained(file), base_).Succeeded);
        string text = $$"""
            load dataset "spiral" classes=3 points=40 as d
            model other {
              dense 16 -> batchnorm -> relu
              dense 8 -> relu
              dense 3
            }
            train other on d epochs=1
            transfer other from "{{file}}" freeze=[dense1]
            """;
        var compilation = Compilation.Create(SourceText.From(text, "t.nns"), new CompilationOptions(new CatalogResolver()));
        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.TransferSource.Id, error.Descriptor.Id);
        Assert.Contains("layer `dense2`", error.Message);
        Assert.Contains("[3, 16]", error.Message);
        Assert.Equal(8, error.Location!.Value.Line);
    }

    [Fact]
    public void A_pattern_that_matches_no_layer_is_reported_at_the_pattern()
    {
        string text = """
            load dataset "spiral" classes=3 points=40 as d
            model mlp { dense 8 -> relu; dense 3 }
            train mlp on d epochs=1
            transfer mlp from "nowhere.nnsm" freeze=[conv*]
            """;
        var compilation = Compilation.Create(SourceText.From(text, "t.nns"), new CompilationOptions(new CatalogResolver()));
        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.LayerPatternNoMatch.Id, error.Descriptor.Id);
        Assert.Contains("dense1, relu1, dense2", error.Message);
    }

    [Fact]
    public void Class_selection_keeps_the_listed_classes_relabelled_and_per_class_rows()
    {
        // Labels by row: 0 1 2 0 1 2 0 1 2 0 (features = the row number).
        long[] labels = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0];
        using var data = TensorDataset.FromArrays([.. Enumerable.Range(0, 10).Select(i => (float)i)], [1], labels, 3);
        using var selected = ClassSelection.Apply(data, [2, 0], null, 1);
        // Class 2 → 0, class 0 → 1; rows 0 2 3 5 6 8 9 in order.
        Assert.Equal([0f, 2, 3, 5, 6, 8, 9], selected.Features.reshape(-1).data<float>().ToArray());
        Assert.Equal([1L, 0, 1, 0, 1, 0, 1], selected.LabelArray());
        Assert.Equal(2, selected.Classes);

        using var two = ClassSelection.Apply(data, [2, 0], 2, 7);
        long[] kept = two.LabelArray();
        Assert.Equal(2, kept.Count(l => l == 0));
        Assert.Equal(2, kept.Count(l => l == 1));
        float[] rows = two.Features.reshape(-1).data<float>().ToArray();
        Assert.All(rows, r => Assert.Contains((long)r, new long[] { 0, 2, 3, 5, 6, 8, 9 }));
        using var again = ClassSelection.Apply(data, [2, 0], 2, 7);
        Assert.Equal(rows, again.Features.reshape(-1).data<float>().ToArray()); // seeded
        Assert.Throws<DataException>(() => ClassSelection.Apply(data, [1], 4, 7)); // class 1 has 3 rows
    }

    [Fact]
    public void Bad_class_ids_and_too_large_per_class_are_positioned_errors()
    {
        var options = new CompilationOptions(new CatalogResolver());
        var bad = Compilation.Create(SourceText.From("load dataset \"fashion-mnist\" classes=[0, 12] as d\n", "t.nns"), options);
        Assert.Contains(bad.Diagnostics, d => d.IsError && d.Location!.Value.Column == 38);
        var dup = Compilation.Create(SourceText.From("load dataset \"fashion-mnist\" classes=[1, 1] as d\n", "t.nns"), options);
        Assert.Contains(dup.Diagnostics, d => d.IsError && d.Descriptor.Id == DiagnosticCatalog.ArgumentRange.Id);
        var many = Compilation.Create(SourceText.From("load dataset \"fashion-mnist\" split=test per_class=1001 as d\n", "t.nns"), options);
        var error = Assert.Single(many.Diagnostics, d => d.IsError);
        Assert.Contains("at most 1000", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
