using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>transfer MODEL from "PATH" freeze=[…] replace=… lr=… lr_mult=… unfreeze=N freeze_bn [as NAME]</c>:
/// the weights must fit the model's layers (checked now when the file exists, else when the
/// statement runs); the patterns must name layers; the next <c>train</c> resizes a replaced
/// head to its data's classes (<see cref="FineTuneHead"/>).</summary>
internal sealed partial class Checker
{
    void CheckTransfer(TransferStatement statement)
    {
        bool free = statement.Alias is null || CheckFree(statement.Alias);
        string target = statement.Alias?.Text ?? statement.Model.Text;
        ModelSymbol? model = LookupModel(statement.Model);
        if (!CheckTransferDefinition(statement, model, free, target)) Unresolvable(target);
    }

    bool CheckTransferDefinition(TransferStatement statement, ModelSymbol? model, bool free, string target)
    {
        int errors = _diagnostics.Count(d => d.IsError);
        CheckArgumentNames(StatementSchema.Transfer, statement.Arguments);
        if (_diagnostics.Count(d => d.IsError) > errors) return false;
        Argument? freeze = statement.Arguments.Items.FirstOrDefault(a => a.Name?.Text == "freeze");
        Argument? replace = statement.Arguments.Items.FirstOrDefault(a => a.Name?.Text == "replace");
        var rest = new ArgumentList([.. statement.Arguments.Items.Where(a => a != freeze && a != replace)], statement.Arguments.Span);
        BoundArguments? args = BindOrNull(StatementSchema.Transfer, rest, statement.Keyword.Span);
        if (ConstantEvaluator.Evaluate(statement.Source) is not StringValue location)
        {
            RequireString(statement.Source, "from", "transfer", "a quoted path of a `.nnsm` model file or a `.ckpt` checkpoint");
            return false;
        }
        string extension = Path.GetExtension(location.Text).ToLowerInvariant();
        if (extension is not (".nnsm" or ".ckpt"))
        {
            _diagnostics.Report(DiagnosticCatalog.TransferSource, statement.Source.Span, statement.Model.Text, location.Text,
                "transfer reads a `.nnsm` model file (from `export`) or a `.ckpt` checkpoint (from `train`)");
            return false;
        }
        if (model is null || args is null || !free) return false;

        var names = LayerNames.Of(model.Definition.Layers);
        var frozen = new List<string>();
        if (freeze is not null)
        {
            ImmutableArray<Expression> items = freeze.Value is ListExpression list ? list.Items : [freeze.Value];
            foreach (Expression item in items)
            {
                if (LayersOf(item, "freeze", model, names) is not { } matched) return false;
                frozen.AddRange(matched.Where(m => !frozen.Contains(m)));
            }
        }
        string? replaced = null;
        if (replace is not null)
        {
            if (LayersOf(replace.Value, "replace", model, names) is not { } matched) return false;
            if (matched.Count > 1)
                return TransferOption(replace.Value.Span, $"`replace=` names one layer, but `{PatternText(replace.Value)}` matches {string.Join(", ", matched)} (pick one, e.g. `{LayerPatternKind(matched[0])}:last`)");
            replaced = matched[0];
            LayerDefinition layer = model.Definition.Layers[names.IndexOf(replaced)];
            if (!LayerSchema.Affine.Contains(layer.Arguments.Spec))
                return TransferOption(replace.Value.Span, $"`replace=` re-initialises a layer with weights (dense, conv, maxout); `{replaced}` is a `{layer.Kind}` layer");
            if (frozen.Contains(replaced))
                return TransferOption(replace.Value.Span, $"`{replaced}` is both frozen and replaced; a replaced layer is trained from fresh weights");
        }
        if (args.OptionalInt("unfreeze") is not null && frozen.Count == 0)
            return TransferOption(args.SpanOf("unfreeze")!.Value, "`unfreeze=` unfreezes the frozen layers, but `freeze=` freezes none");

        string path = ResolvePath(location.Text);
        IModelResolver? resolver = _options.Models ?? _options.Datasets as IModelResolver;
        Shape? input = model.InputShape;
        bool exists = File.Exists(path);
        if (exists && resolver is not null)
        {
            if (resolver.WeightsInput(path, out string? error) is not { } fileInput)
            {
                _diagnostics.Report(DiagnosticCatalog.TransferSource, statement.Source.Span, model.Name, location.Text, error ?? "it cannot be read");
                return false;
            }
            input ??= fileInput;
        }
        if (input is null)
        {
            _diagnostics.Report(DiagnosticCatalog.TransferSource, statement.Source.Span, model.Name, location.Text,
                $"the file does not exist yet and `{model.Name}` has not met data, so its input shape is unknown (train it first, or transfer from a file that exists when the script is checked)");
            return false;
        }
        if (Plan(model.Definition, input) is not { } plan) return false;
        if (exists && resolver?.WeightsMismatch(path, plan) is { } mismatch)
        {
            _diagnostics.Report(DiagnosticCatalog.TransferSource, statement.Source.Span, model.Name, location.Text, mismatch);
            return false;
        }
        var fineTuning = new FineTuneSpec([.. frozen], replaced)
        {
            FreezeBatchNorm = args.Flag("freeze_bn"),
            LearningRateMultiplier = args.Number("lr_mult"),
            UnfreezeAfter = (int?)args.OptionalInt("unfreeze"),
            ReplacePending = replaced is not null,
            LearningRate = args.OptionalNumber("lr"),
        };
        var symbol = new ModelSymbol(target, model.Definition with { Name = target }, input, null, Where((statement.Alias ?? statement.Model).Span))
        {
            Regularization = model.Regularization,
            FineTuning = fineTuning,
        };
        Emit(new TransferStep(model.Name, target, path, plan with { Name = target }, fineTuning, statement.Span),
            _symbols with { Models = _symbols.Models.SetItem(target, symbol) });
        return true;
    }

    /// <summary>The layers a pattern names, or null (reported) when it is not a pattern or matches none.</summary>
    List<string>? LayersOf(Expression value, string option, ModelSymbol model, ImmutableArray<string> names)
    {
        string? pattern = PatternText(value);
        if (pattern is null)
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, value.Span, option, "transfer", "a layer pattern such as `conv*` or `dense:last`",
                ConstantEvaluator.Evaluate(value).Describe());
            return null;
        }
        var matched = LayerPattern.Match(pattern, names).Select(i => names[i]).ToList();
        if (matched.Count > 0) return matched;
        _diagnostics.Report(DiagnosticCatalog.LayerPatternNoMatch, value.Span, pattern, model.Name, string.Join(", ", names));
        return null;
    }

    static string? PatternText(Expression value) => value switch
    {
        PatternExpression p => p.Text,
        NameExpression n => n.Name.Text,
        _ => null,
    };

    static string LayerPatternKind(string name) => name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    bool TransferOption(TextSpan span, string message)
    {
        _diagnostics.Report(DiagnosticCatalog.TransferOptions, span, message);
        return false;
    }

    /// <summary>A transferred model's next training: the replaced head takes the data's class
    /// count, the transfer's rate replaces the optimizer's, and `unfreeze` must fall inside the
    /// training. Returns the definition to plan, or null (reported).</summary>
    ModelDefinition? FineTuneHead(ModelSymbol model, DatasetSymbol data, TrainSettings settings, BoundArguments args, TrainStatement statement, ref OptimizerSettings optimizer)
    {
        if (model.FineTuning is not { } fine) return model.Definition;
        if (fine.UnfreezeAfter is { } after && after >= settings.Epochs)
        {
            TransferOption(args.SpanOf("epochs") ?? statement.Keyword.Span,
                $"`{model.Name}` unfreezes its frozen layers after {after} epochs (transfer … unfreeze={after}), so this training needs more than {after} epochs; it runs {settings.Epochs}");
            return null;
        }
        if (fine.LearningRate is { } lr) optimizer = optimizer with { Arguments = optimizer.Arguments.With("lr", lr, optimizer.Span) };
        ModelDefinition definition = model.Definition;
        var names = LayerNames.Of(definition.Layers);
        if (fine.ReplacePending && fine.Replace == names[^1] && definition.Layers[^1].Kind == LayerSchema.Dense.Name
            && settings.Loss.Target == LossTarget.Classes && data.Info.Classes > 0)
        {
            LayerDefinition head = definition.Layers[^1];
            definition = definition with
            {
                Layers = definition.Layers.SetItem(definition.Layers.Length - 1,
                    head with { Arguments = head.Arguments.With("units", (long)data.Info.Classes, head.Span) }),
            };
        }
        return definition;
    }
}
