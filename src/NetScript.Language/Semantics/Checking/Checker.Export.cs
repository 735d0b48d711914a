using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>export NAME to "PATH"</c> and <c>load model "PATH" as NAME</c>.</summary>
internal sealed partial class Checker
{
    /// <summary>Layers the ONNX exporter writes as operators (NetScript.Runtime/Export/Onnx).</summary>
    static readonly ImmutableHashSet<string> OnnxLayers = ImmutableHashSet.Create(StringComparer.Ordinal,
        "dense", "conv", "conv1d", "layernorm", "softmax", "embedding", "maxpool", "avgpool", "global_avgpool", "flatten", "batchnorm", "dropout", "maxout", "residual",
        "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu", "gelu", "softplus", "pwl");

    void CheckExport(ExportStatement statement)
    {
        string name = statement.Name.Text;
        bool isModel = _symbols.Models.ContainsKey(name);
        if (!isModel && !_symbols.Datasets.ContainsKey(name))
        {
            if (_symbols.KindOf(name) is null && !_poisoned.Contains(name))
                _diagnostics.Report(DiagnosticCatalog.UnknownModel, statement.Name.Span, name,
                    Suggestions.DidYouMean(name, _symbols.Models.Keys.Concat(_symbols.Datasets.Keys)));
            RequireString(statement.Target, "to", "export", "a quoted file path");
            return;
        }
        CheckArgumentNames(StatementSchema.Export, statement.Arguments);
        if (isModel && _ensembles.TryGetValue(name, out var ensemble))
        {
            string instead = ensemble.Kind switch
            {
                EnsembleKind.Snapshots => "export the model itself (its last epoch's weights); a snapshot ensemble's members are kept in memory only",
                EnsembleKind.Top => "export the model itself (the best trial's); each trial's weights are in RUN/trials/NNNN",
                _ => $"export the model itself, or resume a member from its checkpoints in RUN/{name}-seedN",
            };
            _diagnostics.Report(DiagnosticCatalog.EnsembleExport, statement.Name.Span, name, ensemble.Members, instead);
            return;
        }
        if (ConstantEvaluator.Evaluate(statement.Target) is not StringValue target)
        {
            RequireString(statement.Target, "to", "export", "a quoted file path");
            return;
        }
        string extension = Path.GetExtension(target.Text).ToLowerInvariant();
        ExportFormat? format = (isModel, extension) switch
        {
            (true, ".nnsm") => ExportFormat.Model,
            (true, ".onnx") => ExportFormat.Onnx,
            (false, ".parquet") => ExportFormat.Dataset,
            _ => null,
        };
        if (format is not { } chosen)
        {
            _diagnostics.Report(DiagnosticCatalog.ExportTarget, statement.Target.Span, isModel ? "model" : "dataset",
                isModel ? "a `.nnsm` model file or an `.onnx` file" : "a `.parquet` file", target.Text);
            return;
        }
        string path = ResolvePath(target.Text);
        if (!isModel)
        {
            Emit(new ExportStep(name, path, chosen, statement.Span), _symbols);
            return;
        }
        ModelSymbol model = _symbols.Models[name];
        if (model.InputShape is not { } input || model.Loss is not { } loss)
        {
            if (!ReportOnlyCrossValidated(model, statement.Name))
                _diagnostics.Report(DiagnosticCatalog.ExportNotTrained, statement.Name.Span, name);
            return;
        }
        if (Plan(model.Definition, input) is not { } plan) return;
        if (!CheckExportableLayers(plan, chosen, statement.Name)) return;
        // The session's preprocessing belongs to the model when its output is what the model takes.
        bool preprocessed = !_symbols.Preprocessing.IsEmpty && input.Equals(_symbols.Preprocessing[^1].Output);
        Emit(new ExportStep(name, path, chosen, statement.Span)
        {
            Plan = plan,
            Loss = loss,
            Classes = loss.Target == LossTarget.Classes && plan.Output.Rank == 1 ? plan.Output.Dims[0] : 0,
            Preprocessed = preprocessed,
            RawInput = preprocessed ? _symbols.Preprocessing[0].Input : input,
        }, _symbols);
    }

    bool CheckExportableLayers(ModelPlan plan, ExportFormat format, Identifier name)
    {
        string target = format == ExportFormat.Onnx ? "ONNX" : "a model file";
        foreach (LayerPlan layer in plan.Layers.SelectMany(l => l.Descendants()))
        {
            string? why = layer.Layer.Snippet is not null
                ? $"layer `{layer.Layer.Kind}` (line {Where(layer.Layer.Span)}) is C# code, which {target} cannot describe"
                : format == ExportFormat.Onnx && !OnnxLayers.Contains(layer.Layer.Kind)
                    ? $"layer `{layer.Layer.Kind}` (line {Where(layer.Layer.Span)}) has no ONNX equivalent in NetScript's exporter"
                    : null;
            if (why is null) continue;
            _diagnostics.Report(DiagnosticCatalog.ExportUnsupportedLayer, name.Span, name.Text, target, why);
            return false;
        }
        return true;
    }

    void CheckLoadModel(LoadStatement statement)
    {
        if (statement.Arguments.Items.Length > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.LoadModelArguments, statement.Arguments.Span, _source.ToString(statement.Arguments.Span));
            return;
        }
        if (ConstantEvaluator.Evaluate(statement.Source) is not StringValue location)
        {
            RequireString(statement.Source, "path", "load model", "a quoted file path such as \"models/m.nnsm\"");
            return;
        }
        string path = ResolvePath(location.Text);
        IModelResolver? resolver = _options.Models ?? _options.Datasets as IModelResolver;
        string? error = "this host cannot read model files";
        if (resolver?.Describe(path, statement.Span, out error) is not { } info)
        {
            _diagnostics.Report(DiagnosticCatalog.ModelFileError, statement.Source.Span, location.Text, error);
            return;
        }
        if (Plan(info.Definition, info.Input) is not { } plan) return;
        LossSettings loss = info.Loss ?? new LossSettings(BoundArguments.Defaults(info.Classes > 0 ? LossSchema.CrossEntropy : LossSchema.Mse));
        string alias = statement.Alias.Text;
        var definition = info.Definition with { Name = alias };
        var symbol = new ModelSymbol(alias, definition, info.Input, loss, Where(statement.Alias.Span));
        Emit(new LoadModelStep(alias, path, plan with { Name = alias }, info.Classes, statement.Span),
            _symbols with { Models = _symbols.Models.SetItem(alias, symbol) });
    }

    /// <summary>A path in the script, relative to the script's folder (the current directory
    /// for text without a file, such as a REPL submission).</summary>
    string ResolvePath(string path) => Path.GetFullPath(Path.Combine(
        (_source.Path.StartsWith('<') ? null : Path.GetDirectoryName(Path.GetFullPath(_source.Path))) ?? Directory.GetCurrentDirectory(), path));
}
