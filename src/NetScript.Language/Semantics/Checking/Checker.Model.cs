using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    void CheckModel(ModelStatement statement)
    {
        bool free = CheckFree(statement.Name);
        Poison([statement.Name.Text]);
        var layers = ImmutableArray.CreateBuilder<LayerDefinition>();
        bool ok = true;
        foreach (Chain chain in statement.Body.Items)
        {
            foreach (Invocation link in chain.Links)
            {
                if (IsPlannedLayer(link))
                {
                    ok = false;
                    continue;
                }
                if (Lookup(OperationCategory.Layer, link) is not { } spec || BindOrNull(spec, link.Arguments, link.Name.Span) is not { } args)
                {
                    ok = false;
                    continue;
                }
                layers.Add(new LayerDefinition(args, link.Span));
            }
        }
        if (layers.Count == 0 && ok)
        {
            _diagnostics.Report(DiagnosticCatalog.EmptyModel, statement.Name.Span, statement.Name.Text);
            return;
        }
        if (!ok || !free) return;

        var definition = new ModelDefinition(statement.Name.Text, layers.ToImmutable(), statement.Span);
        var symbol = new ModelSymbol(definition.Name, definition, InputShape: null, Loss: null, Where(statement.Name.Span));
        Emit(new ModelStep(definition, statement.Span), _symbols with { Models = _symbols.Models.SetItem(symbol.Name, symbol) });
    }

    void CheckOptimizer(OptimizerStatement statement)
    {
        OperationSpec? spec = SchemaCatalog.Find(OperationCategory.Optimizer, statement.Kind.Text);
        if (spec is null)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, statement.Kind.Span, "optimizer", statement.Kind.Text,
                Suggestions.DidYouMean(statement.Kind.Text, SchemaCatalog.Names(OperationCategory.Optimizer)));
            return;
        }
        if (BindOrNull(spec, statement.Arguments, statement.Kind.Span) is not { } args) return;
        var settings = new OptimizerSettings(args, statement.Span);
        Emit(new OptimizerStep(settings, statement.Span), _symbols with { Optimizer = settings });
    }

    /// <summary>Infers every layer's shapes for <paramref name="input"/>; reports the first
    /// layer that cannot take its input, at that layer's position.</summary>
    ModelPlan? Plan(ModelDefinition model, Shape input)
    {
        var layers = ImmutableArray.CreateBuilder<LayerPlan>();
        Shape current = input;
        foreach (LayerDefinition layer in model.Layers)
        {
            Shape? output = LayerShapes.Output(layer, current, out string? error);
            if (output is null)
            {
                _diagnostics.Report(DiagnosticCatalog.LayerInputShape, layer.Span, layer.Kind, current, error);
                return null;
            }
            layers.Add(new LayerPlan(layer, current, output, LayerShapes.Parameters(layer, current)));
            current = output;
        }
        return new ModelPlan(model.Name, input, layers.ToImmutable());
    }

    /// <summary>Classification losses need one output per class.</summary>
    bool CheckOutputWidth(ModelPlan plan, string loss, DatasetSymbol data, TextSpan at)
    {
        if (loss != LossSchema.CrossEntropy.Name || data.Info.Classes <= 0) return true;
        if (plan.Output.Rank == 1 && plan.Output.Dims[0] == data.Info.Classes) return true;
        TextSpan span = plan.Layers.Length > 0 ? plan.Layers[^1].Layer.Span : at;
        _diagnostics.Report(DiagnosticCatalog.OutputWidth, span, plan.Name, plan.Output, data.Name, data.Info.Classes);
        return false;
    }
}
