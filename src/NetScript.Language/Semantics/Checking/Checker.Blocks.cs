using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

/// <summary>Blocks inside a model: <c>residual { … }</c> becomes one layer holding its branch;
/// <c>repeat N { … }</c> is unrolled here into N copies of its layers, so the runtime builds
/// each copy with its own weights and names (dense1, dense2 …) and nothing downstream needs
/// to know about repetition.</summary>
internal sealed partial class Checker
{
    /// <summary>Deep enough for any real network, small enough that a nested `repeat` cannot
    /// make the checker or the builder run out of memory.</summary>
    const int MaxLayers = 10_000;

    bool CheckBlockLayer(ModelStatement model, Invocation link, ImmutableArray<LayerDefinition>.Builder layers)
    {
        OperationSpec spec = SchemaCatalog.Find(OperationCategory.Layer, link.Name.Text)!;
        BoundArguments? args = BindOrNull(spec, link.Arguments, link.Name.Span);
        var body = ImmutableArray.CreateBuilder<LayerDefinition>();
        InitSettings? noInit = null;
        bool ok = link.Body is { } block && CheckLayers(model, block, body, ref noInit, nested: true);
        if (link.Body is null || (ok && body.Count == 0))
        {
            _diagnostics.Report(DiagnosticCatalog.BlockExpected, link.Body?.Span ?? link.Name.Span, spec.Name, spec.Example);
            return false;
        }
        if (!ok || args is null) return false;
        if (spec == LayerSchema.Residual)
        {
            // Errors about the block point at `residual ARGS`, not at its (often long) body.
            var head = link.Arguments.Items.IsEmpty ? link.Name.Span : link.Name.Span.Union(link.Arguments.Span);
            layers.Add(new LayerDefinition(args, head) { Body = body.ToImmutable() });
            return true;
        }
        long copies = args.Int("times");
        if (Size(layers) + copies * Size(body) > MaxLayers)
        {
            _diagnostics.Report(DiagnosticCatalog.TooManyLayers, link.Name.Span, model.Name.Text, MaxLayers);
            return false;
        }
        for (long i = 0; i < copies; i++) layers.AddRange(body);
        return true;
    }

    /// <summary>Layers including those inside residual branches.</summary>
    static long Size(IEnumerable<LayerDefinition> layers) => layers.Sum(l => 1 + Size(l.Body));

    /// <summary>`init` inside a residual or repeat block: it sets every layer of the model.</summary>
    InitSettings? NestedInit(Invocation init)
    {
        _diagnostics.Report(DiagnosticCatalog.InitInChain, init.Span);
        return null;
    }

    /// <summary>A residual block: its branch from the block's input, then the shortcut that
    /// brings the input to the branch's output shape.</summary>
    LayerPlan? PlanResidual(string model, LayerDefinition residual, string name, Shape input)
    {
        if (PlanLayers(model, residual.Body, input, name + ".") is not { } body) return null;
        Shape output = body[^1].Output;
        LayerPlan? shortcut = null;
        if (!output.Equals(input))
        {
            if (ResidualShapes.Projection(residual, input, output, out string? error) is not { } projection)
            {
                ReportAtLayer(DiagnosticCatalog.LayerInputShape, residual.Span, name, input, error);
                return null;
            }
            shortcut = PlanLayer(model, projection, name + ".shortcut", input);
            if (shortcut is null) return null;
        }
        long parameters = body.Sum(l => l.Parameters) + (shortcut?.Parameters ?? 0);
        return new LayerPlan(residual, input, output, parameters) { Body = body, Shortcut = shortcut };
    }
}
