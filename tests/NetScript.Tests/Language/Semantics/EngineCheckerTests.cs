using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Language.Semantics;

/// <summary>The binder's operation- and settings-valued parameters, and the checker's rules
/// for real-valued targets (the catalog has none yet, so a stub resolver provides them).</summary>
public sealed class EngineCheckerTests
{
    static (BoundArguments? Bound, IReadOnlyList<Diagnostic> Diagnostics) BindTrain(string arguments)
    {
        var syntax = SyntaxParser.Parse(SourceText.From($"train m on d {arguments}", "bind.nns"));
        var train = (NetScript.Language.Syntax.TrainStatement)syntax.Statements.Single();
        var diagnostics = new DiagnosticBag(syntax.Source);
        var bound = ArgumentBinder.Bind(StatementSchema.Train, train.Arguments, train.Keyword.Span, diagnostics);
        var list = diagnostics.ToList();
        return (list.Count == 0 ? bound : null, list);
    }

    [Fact]
    public void An_operation_parameter_binds_a_bare_name_or_a_call_against_that_operations_spec()
    {
        var (bare, _) = BindTrain("loss=tukey");
        Assert.Equal("tukey(c=4.685)", new LossSettings(bare!.Operation("loss")).ToString());
        var (called, _) = BindTrain("loss=huber(0.25)");
        Assert.Equal(0.25, called!.Operation("loss").Number("delta"));
        var (absent, _) = BindTrain("");
        Assert.Equal("cross_entropy", absent!.Operation("loss").Spec.Name);  // the schema's default
        Assert.Null(absent.Group("early_stop"));

        var (_, unknownArgument) = BindTrain("loss=huber(delt=2)");
        Assert.Equal("`huber` has no argument `delt`; did you mean `delta`?", Assert.Single(unknownArgument).Message);
        var (_, notAnOperation) = BindTrain("loss=\"mse\"");
        Assert.Equal("`loss` of `train` expects a loss such as `cross_entropy` or `cross_entropy(…)`, got the string \"mse\"", Assert.Single(notAnOperation).Message);
    }

    [Fact]
    public void A_settings_group_is_written_as_a_call_named_after_it()
    {
        var (group, _) = BindTrain("early_stop(metric=val_acc, patience=3)");
        var stop = new EarlyStopSettings(group!.Group("early_stop")!);
        Assert.Equal(("val_acc", 3, true), (stop.Metric, stop.Patience, stop.Maximize));
        var (bare, _) = BindTrain("early_stop");
        Assert.Equal(("val_loss", 5, false), (new EarlyStopSettings(bare!.Group("early_stop")!).Metric, new EarlyStopSettings(bare.Group("early_stop")!).Patience, new EarlyStopSettings(bare.Group("early_stop")!).Maximize));
        var (_, twice) = BindTrain("early_stop early_stop(patience=2)");
        Assert.Equal("NS0206", Assert.Single(twice).Id);
        var (_, wrongCall) = BindTrain("early_stop=stop(patience=2)");
        Assert.Equal("`early_stop` of `train` expects call-style options `early_stop(…)`, got a call to `stop(…)`", Assert.Single(wrongCall).Message);
    }

    [Fact]
    public void Regression_targets_need_a_regression_loss_and_an_output_of_their_shape()
    {
        var fits = EnginePlans.Check("dense 8 -> relu -> dense 2", Shape.Of(4), targets: Shape.Of(2), train: "loss=huber");
        Assert.Empty(fits.Diagnostics);

        var width = EnginePlans.Check("dense 8 -> relu -> dense 3", Shape.Of(4), targets: Shape.Of(2), train: "loss=mse");
        var error = Assert.Single(width.Diagnostics);
        Assert.Equal(("NS0303", "model `m` ends with output shape [3], but the targets of `train` have shape [2]; make the last layer produce [2]"), (error.Id, error.Message));
        Assert.Equal(new TextLocation(4, 20), error.Location); // the last layer

        var classes = EnginePlans.Check("dense 2", Shape.Of(4), targets: Shape.Of(2));
        Assert.Equal("loss `cross_entropy` needs class labels, but `train` has real-valued targets of shape [2]", Assert.Single(classes.Diagnostics).Message);
        var accuracy = EnginePlans.Check("dense 2", Shape.Of(4), targets: Shape.Of(2), train: "loss=mse early_stop(metric=train_acc)");
        Assert.Equal("`train_acc` is not measured by this run: loss `mse` makes no class predictions", Assert.Single(accuracy.Diagnostics).Message);
        var topK = EnginePlans.Check("dense 2", Shape.Of(4), targets: Shape.Of(2), train: "loss=l1 top_k=2");
        Assert.Equal("`top_k` is not measured by this run: loss `l1` does not predict one class per sample", Assert.Single(topK.Diagnostics).Message);
        var multiLabel = EnginePlans.Check("dense 5", Shape.Of(4), targets: Shape.Of(5), train: "loss=multilabel_hinge early_stop(metric=train_acc)");
        Assert.Empty(multiLabel.Diagnostics);
    }

    [Fact]
    public void Hierarchical_softmax_takes_any_flat_hidden_vector()
    {
        // 38,147 parameters for 100 samples: only the capacity lint (NS0508) speaks.
        Assert.Equal(["NS0508"], EnginePlans.Check("dense 37 -> tanh", Shape.Of(4), classes: 1000, train: "loss=hierarchical_softmax top_k=5").Diagnostics.Select(d => d.Id));
        var image = EnginePlans.Check("conv 4", Shape.Of(1, 8, 8), train: "loss=hierarchical_softmax");
        Assert.Equal("`hierarchical_softmax` cannot take input of shape [4, 6, 6]: it classifies a flat hidden vector; add `flatten`",
            Assert.Single(image.Diagnostics).Message);
    }
}
