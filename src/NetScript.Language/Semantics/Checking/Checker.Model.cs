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
        InitSettings? init = null;
        bool ok = CheckLayers(statement, statement.Body, layers, ref init, nested: false);
        if (layers.Count == 0 && ok)
        {
            _diagnostics.Report(DiagnosticCatalog.EmptyModel, statement.Name.Span, statement.Name.Text);
            return;
        }
        if (!ok || !free) return;

        var definition = new ModelDefinition(statement.Name.Text, layers.ToImmutable(), statement.Span) { Init = init, Source = _source };
        var symbol = new ModelSymbol(definition.Name, definition, InputShape: null, Loss: null, Where(statement.Name.Span));
        Emit(new ModelStep(definition, statement.Span), _symbols with { Models = _symbols.Models.SetItem(symbol.Name, symbol) });
    }

    /// <summary>The layers of a model block or of a block inside it, in order. `init` lines
    /// belong to the model block only. False when something was reported.</summary>
    bool CheckLayers(ModelStatement model, Block block, ImmutableArray<LayerDefinition>.Builder layers, ref InitSettings? init, bool nested)
    {
        bool ok = true;
        foreach (Chain chain in block.Items)
        {
            foreach (Invocation link in chain.Links)
            {
                if (link.Name.Text == "init")
                {
                    InitSettings? settings = nested ? NestedInit(link) : CheckInit(model, link, chain, init);
                    init ??= settings;
                    ok &= settings is not null;
                    continue;
                }
                if (LayerSchema.Blocks.Any(b => b.Name == link.Name.Text))
                {
                    ok &= CheckBlockLayer(model, link, layers);
                    continue;
                }
                if (TryDefinedLayer(link, out LayerDefinition? defined))
                {
                    if (defined is null) ok = false;
                    else layers.Add(defined);
                    continue;
                }
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
        return ok;
    }

    /// <summary><c>init KIND ARGS</c>: the first (positional) argument names the scheme, the
    /// rest are that scheme's arguments. Null when reported.</summary>
    InitSettings? CheckInit(ModelStatement model, Invocation invocation, Chain chain, InitSettings? earlier)
    {
        if (chain.Links.Length > 1)
        {
            _diagnostics.Report(DiagnosticCatalog.InitInChain, invocation.Span);
            return null;
        }
        if (invocation.Body is { } body)
        {
            _diagnostics.Report(DiagnosticCatalog.UnexpectedBlock, body.Span, "init");
            return null;
        }
        ImmutableArray<Argument> items = invocation.Arguments.Items;
        if (items.IsEmpty || items[0].Name is not null || items[0].Value is not NameExpression kind)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingArgument, items.IsEmpty ? invocation.Name.Span : items[0].Span, "init", "kind",
                "the scheme: " + string.Join(", ", SchemaCatalog.Names(OperationCategory.Init)));
            return null;
        }
        OperationSpec? spec = SchemaCatalog.Find(OperationCategory.Init, kind.Name.Text);
        if (spec is null)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, kind.Span, "init", kind.Name.Text,
                Suggestions.DidYouMean(kind.Name.Text, SchemaCatalog.Names(OperationCategory.Init)));
            return null;
        }
        var rest = new ArgumentList(items.RemoveAt(0), items.Length > 1 ? items[1].Span.Union(items[^1].Span) : new TextSpan(kind.Span.End, 0));
        if (BindOrNull(spec, rest, kind.Span) is not { } args) return null;
        if (earlier is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.DuplicateInit, invocation.Span, model.Name.Text, Where(earlier.Span));
            return null;
        }
        return new InitSettings(args, invocation.Span);
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
        if (spec == OptimizerSchema.Sgd && args.Flag("nesterov") && args.Number("momentum") == 0)
        {
            _diagnostics.Report(DiagnosticCatalog.NesterovWithoutMomentum, args.SpanOf("nesterov") ?? statement.Kind.Span);
            return;
        }
        var settings = new OptimizerSettings(args, statement.Span);
        Emit(new OptimizerStep(settings, statement.Span), _symbols with { Optimizer = settings });
    }

    /// <summary>Infers every layer's shapes for <paramref name="input"/>; reports the first
    /// layer that cannot take its input, at that layer's position.</summary>
    ModelPlan? Plan(ModelDefinition model, Shape input)
    {
        _layerSource = model.Source ?? _source;
        if (PlanLayers(model.Name, model.Layers, input) is not { } layers) return null;
        var plan = new ModelPlan(model.Name, input, layers) { Init = model.Init };
        return CheckInitFits(plan) ? plan : null;
    }

    /// <summary>The submission whose layers <see cref="Plan"/> is planning (the model's block).</summary>
    SourceText? _layerSource;

    /// <summary>Reports at a layer's span, in the submission that defined its model.</summary>
    void ReportAtLayer(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        _diagnostics.Add(new Diagnostic(descriptor, _layerSource ?? _source, span, descriptor.Format(args)));

    /// <summary>Plans a chain of layers (a model's, or a residual branch's) from its input shape.
    /// Shape errors name the layer as the runtime does (dense2, residual1.conv1 …).</summary>
    ImmutableArray<LayerPlan>? PlanLayers(string model, ImmutableArray<LayerDefinition> definitions, Shape input, string prefix = "")
    {
        var layers = ImmutableArray.CreateBuilder<LayerPlan>(definitions.Length);
        var names = LayerNames.Of(definitions);
        Shape current = input;
        for (int i = 0; i < definitions.Length; i++)
        {
            LayerDefinition layer = definitions[i];
            LayerPlan? planned = layer.Arguments.Spec == LayerSchema.Residual
                ? PlanResidual(model, layer, prefix + names[i], current)
                : PlanLayer(model, layer, prefix + names[i], current);
            if (planned is null) return null;
            layers.Add(planned);
            current = planned.Output;
        }
        return layers.MoveToImmutable();
    }

    LayerPlan? PlanLayer(string model, LayerDefinition layer, string name, Shape input)
    {
        string? error = null;
        Shape? output = layer.Snippet is { } snippet
            ? SnippetLayerOutput(model, snippet, input) // reports its own findings
            : LayerShapes.Output(layer, input, out error);
        if (output is null)
        {
            if (error is not null) ReportAtLayer(DiagnosticCatalog.LayerInputShape, layer.Span, name, input, error);
            return null;
        }
        long parameters = LayerShapes.Parameters(layer, input);
        if (parameters > LayerShapes.MaxValues)
        {
            _diagnostics.Report(DiagnosticCatalog.LayerTooLarge, layer.Span, name, parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), LayerShapes.MaxValues.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        return new LayerPlan(layer, input, output, parameters);
    }

    /// <summary>Sparse init needs k inputs per unit in every affine layer.</summary>
    bool CheckInitFits(ModelPlan plan)
    {
        if (plan.Init is not { Kind: "sparse" } init) return true;
        long k = init.Arguments.Int("k");
        var layers = plan.Layers.SelectMany(l => l.Descendants()).ToList(); // residual branches and shortcuts too
        for (int i = 0; i < layers.Count; i++)
        {
            LayerPlan layer = layers[i];
            if (!LayerSchema.Affine.Contains(layer.Layer.Arguments.Spec)) continue;
            long fanIn = LayerRoles.FanIn(layer);
            if (k <= fanIn) continue;
            _diagnostics.Report(DiagnosticCatalog.InitDoesNotFit, init.Span, "sparse", i + 1, layer.Layer.Kind,
                $"k={k} nonzero weights per unit, but its units have only {fanIn} inputs");
            return false;
        }
        return true;
    }
}
