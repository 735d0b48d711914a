using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    void CheckLoad(LoadStatement statement)
    {
        bool free = CheckFree(statement.Alias);
        Poison([statement.Alias.Text]);
        string kind = statement.Kind.Text;
        if (!LoadSchema.Kinds.Contains(kind))
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownLoadKind, statement.Kind.Span, kind,
                Suggestions.DidYouMean(kind, LoadSchema.Kinds), string.Join(", ", LoadSchema.Kinds.Select(k => $"`{k}`")));
            return;
        }
        if (kind == LoadSchema.Model)
        {
            if (free) CheckLoadModel(statement);
            return;
        }
        bool catalog = kind == LoadSchema.Dataset;
        if (ConstantEvaluator.Evaluate(statement.Source) is not StringValue location)
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, statement.Source.Span, catalog ? "name" : "path", $"load {kind}",
                catalog ? "a quoted catalog name such as \"spiral\"" : "a quoted file path such as \"data/train.parquet\"",
                ConstantEvaluator.Evaluate(statement.Source).Describe());
            return;
        }
        OperationSpec? spec = catalog ? SchemaCatalog.Find(OperationCategory.Dataset, location.Text) : LoadSchema.FileKind(kind);
        if (spec is null)
        {
            var names = SchemaCatalog.Names(OperationCategory.Dataset).ToList();
            _diagnostics.Report(DiagnosticCatalog.UnknownCatalogDataset, statement.Source.Span, location.Text,
                Suggestions.DidYouMean(location.Text, names), string.Join(", ", names.Select(n => $"\"{n}\"")));
            return;
        }
        var args = BindOrNull(spec, statement.Arguments, statement.Source.Span);
        if (args is null || !free || !CheckLoadArguments(args)) return;

        var source = new DatasetSource(kind, location.Text, args, args.Spec.Find("seed") is null ? _symbols.Seed : args.OptionalInt("seed") ?? _symbols.Seed)
        {
            BaseDirectory = ScriptDirectory(),
        };
        DatasetInfo? info = _options.Datasets.Describe(Lowering.Lowerer.Source(source), out string? error);
        if (info is null)
        {
            _diagnostics.Report(DiagnosticCatalog.DataError, statement.Source.Span, error ?? $"cannot read \"{location.Text}\"");
            return;
        }
        bool preprocessed = !_symbols.Preprocessing.IsEmpty;
        if (preprocessed)
        {
            // Fitted preprocessing applies to data loaded later too, so it must fit its shape.
            PreprocessOperation first = _symbols.Preprocessing[0];
            if (!info.Features.Equals(first.Input))
            {
                _diagnostics.Report(DiagnosticCatalog.PreprocessShapeMismatch, statement.Alias.Span, first.FitOn, first.Input, statement.Alias.Text, info.Features);
                return;
            }
            info = info with { Features = _symbols.Preprocessing[^1].Output! };
        }
        var symbol = new DatasetSymbol(statement.Alias.Text, info, statement.Alias.Text, IsSplitPart: false, preprocessed, Where(statement.Alias.Span));
        Emit(new LoadStep(statement.Alias.Text, source, info, preprocessed, statement.Span),
            _symbols with { Datasets = _symbols.Datasets.SetItem(symbol.Name, symbol) });
    }

    bool CheckLoadArguments(BoundArguments args)
    {
        if (args.Spec == LoadSchema.Csv && args.OptionalText("delimiter") is { } delimiter && delimiter is not ("," or ";" or "\t"))
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, args.SpanOf("delimiter")!.Value, "delimiter", "load csv", "\",\", \";\" or \"\\t\"", $"\"{delimiter}\"");
            return false;
        }
        if (args.Spec == DatasetCatalogSchema.FashionMnist && !CheckClassSelection(args)) return false;
        if (args.Spec.Find("task") is null || args.OptionalText("task") != "regression" || args.SpanOf("classes") is not { } span) return true;
        _diagnostics.Report(DiagnosticCatalog.ArgumentConflict, span, "classes", "a regression dataset (task=regression)");
        return false;
    }

    /// <summary>`classes=[…]` names distinct classes; `per_class=` is at most what each class has.</summary>
    bool CheckClassSelection(BoundArguments args)
    {
        if (args.Integers("classes") is { } classes)
        {
            if (classes.IsEmpty || classes.Distinct().Count() != classes.Length)
            {
                _diagnostics.Report(DiagnosticCatalog.ArgumentRange, args.SpanOf("classes")!.Value, "classes", "load dataset",
                    "a non-empty list of distinct class ids", $"[{string.Join(", ", classes)}]");
                return false;
            }
        }
        if (args.OptionalInt("per_class") is { } perClass)
        {
            int available = args.Text("split") == "test" ? 1_000 : 6_000;
            if (perClass > available)
            {
                _diagnostics.Report(DiagnosticCatalog.ArgumentRange, args.SpanOf("per_class")!.Value, "per_class", "load dataset",
                    $"at most {available} (the images of each class in the {args.Text("split")} split)", perClass);
                return false;
            }
        }
        return true;
    }

    void CheckSplit(SplitStatement statement)
    {
        Poison(statement.Arguments.Items.Where(a => a.Name is not null).Select(a => a.Name!.Text));
        DatasetSymbol? source = LookupDataset(statement.Source);
        var args = BindOrNull(StatementSchema.Split, statement.Arguments, statement.Keyword.Span);
        if (source is null || args is null) return;

        if (source.Preprocessed)
        {
            _diagnostics.Report(DiagnosticCatalog.SplitOfSplit, statement.Source.Span, source.Name);
            return;
        }
        if (args.Flag("stratify") && source.Info.IsRegression)
        {
            _diagnostics.Report(DiagnosticCatalog.StratifyRegression, args.SpanOf("stratify") ?? statement.Keyword.Span, source.Name);
            return;
        }
        ImmutableArray<BoundArgument> parts = args.Extra;
        if (parts.Length < 2)
        {
            _diagnostics.Report(DiagnosticCatalog.EmptySplit, statement.Span);
            return;
        }
        bool ok = true;
        foreach (BoundArgument part in parts)
        {
            double fraction = (double)part.Value;
            if (fraction <= 0 || fraction >= 1)
            {
                _diagnostics.Report(DiagnosticCatalog.ArgumentRange, part.Span, part.Name, "split", "between 0 and 1 (exclusive)",
                    fraction.ToString("G", System.Globalization.CultureInfo.InvariantCulture));
                ok = false;
            }
            if (part.Name != source.Name && _symbols.KindOf(part.Name) is { } kind && !_options.AllowRedefinition)
            {
                _diagnostics.Report(DiagnosticCatalog.Redefinition, part.Span, part.Name, kind, _symbols.DefinedAt(part.Name));
                ok = false;
            }
        }
        double sum = parts.Sum(p => (double)p.Value);
        if (ok && Math.Abs(sum - 1.0) > 1e-6)
        {
            _diagnostics.Report(DiagnosticCatalog.SplitFractions, statement.Arguments.Span,
                sum.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture));
            ok = false;
        }
        if (!ok) return;

        bool stratify = args.Flag("stratify");
        // Exact without stratify; stratified parts round per class, so their sizes are estimates.
        long[]? sizes = source.Info.Rows is { } count && !stratify ? SplitSizes.Allocate(count, parts.Select(p => (double)p.Value).ToArray()) : null;
        for (int i = 0; sizes is not null && i < parts.Length; i++)
        {
            if (sizes[i] > 0) continue;
            _diagnostics.Report(DiagnosticCatalog.EmptySplitPart, parts[i].Span, parts[i].Name, source.Info.Rows, source.Name,
                (1.0 / source.Info.Rows!.Value).ToString("G3", System.Globalization.CultureInfo.InvariantCulture));
            ok = false;
        }
        if (!ok) return;

        var datasets = _symbols.Datasets;
        for (int i = 0; i < parts.Length; i++)
        {
            BoundArgument part = parts[i];
            long? rows = sizes?[i] ?? (source.Info.Rows is { } n ? (long)Math.Round(n * (double)part.Value) : null);
            var info = source.Info with { Rows = rows };
            string at = Where(part.Span);
            datasets = datasets.SetItem(part.Name,
                new DatasetSymbol(part.Name, info, source.Root, IsSplitPart: true, Preprocessed: false, at) { Lineage = source.Lineage.Part(part.Name, at) });
        }
        long seed = args.OptionalInt("seed") ?? _symbols.Seed;
        var splitParts = parts.Select(p => new SplitPart(p.Name, (double)p.Value)).ToImmutableArray();
        Emit(new SplitStep(source.Name, splitParts, stratify, seed, statement.Span), _symbols with { Datasets = datasets });
    }

    void CheckPreprocess(PreprocessStatement statement)
    {
        var args = BindOrNull(StatementSchema.Preprocess, statement.Arguments, statement.Keyword.Span);
        var operations = ImmutableArray.CreateBuilder<PreprocessOperation>();
        foreach (Invocation invocation in Flatten(statement.Body))
        {
            if (Lookup(OperationCategory.Preprocessing, invocation) is not { } spec) continue;
            if (BindOrNull(spec, invocation.Arguments, invocation.Name.Span) is { } bound)
                operations.Add(new PreprocessOperation(bound, invocation.Span));
        }
        if (args is null) return;

        string fitOn = args.Text("fit");
        if (!_symbols.Datasets.TryGetValue(fitOn, out var fit))
        {
            if (!_poisoned.Contains(fitOn))
                ReportUnknown(fitOn, args.SpanOf("fit") ?? statement.Keyword.Span, "dataset", DiagnosticCatalog.UnknownDataset, _symbols.Datasets.Keys);
            return;
        }
        if (operations.Count == 0) return;

        // Infer each step's output shape from the fit split's; pca flattens to [k].
        Shape shape = fit.Info.Features;
        var steps = ImmutableArray.CreateBuilder<PreprocessOperation>();
        foreach (PreprocessOperation operation in operations)
        {
            if (PreprocessOutput(operation, shape, fitOn) is not { } output) return;
            steps.Add(operation with { FitOn = fitOn, Input = shape, Output = output });
            shape = output;
        }
        // Folds are preprocessed too: each fold refits these steps on its training part.
        var shapes = _symbols.Datasets.Values.Select(d => (d.Name, d.Info.Features)).Concat(_symbols.Folds.Values.Select(f => (f.Name, f.Info.Features)));
        foreach (var (name, features) in shapes.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (features.Equals(fit.Info.Features)) continue;
            _diagnostics.Report(DiagnosticCatalog.PreprocessShapeMismatch, statement.Keyword.Span, fitOn, fit.Info.Features, name, features);
            return;
        }

        var targets = _symbols.Datasets.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        var datasets = _symbols.Datasets.ToImmutableDictionary(kv => kv.Key,
            kv => kv.Value with { Preprocessed = true, Info = kv.Value.Info with { Features = shape } });
        var fitted = new PreprocessFit(fitOn, fit.Lineage, Where(statement.Keyword.Span));
        Emit(new PreprocessStep(fitOn, steps.ToImmutable(), targets, statement.Span),
            _symbols with { Datasets = datasets, Preprocessing = _symbols.Preprocessing.AddRange(steps), Fits = _symbols.Fits.Add(fitted) });
    }

    /// <summary>The sample shape after <paramref name="operation"/>, or null after reporting
    /// why it cannot apply to samples of <paramref name="input"/>.</summary>
    Shape? PreprocessOutput(PreprocessOperation operation, Shape input, string fitOn)
    {
        BoundArguments args = operation.Arguments;
        if (args.Spec.Find("over") is not null && args.Text("over") == "per_channel" && input.Rank < 2)
        {
            _diagnostics.Report(DiagnosticCatalog.NeedsChannels, args.SpanOf("over") ?? operation.Span, operation.Kind, fitOn, input);
            return null;
        }
        if (operation.Kind == PreprocessingSchema.MinMax.Name && args.Number("low") >= args.Number("high"))
        {
            string F(double v) => v.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
            _diagnostics.Report(DiagnosticCatalog.EmptyRange, args.SpanOf("high") ?? args.SpanOf("low") ?? operation.Span,
                operation.Kind, "`low`", "`high`", F(args.Number("low")), F(args.Number("high")));
            return null;
        }
        if (operation.Kind != PreprocessingSchema.Pca.Name) return input;
        long k = args.OptionalInt("k") ?? input.Elements;
        if (k <= input.Elements) return Shape.Of((int)k);
        _diagnostics.Report(DiagnosticCatalog.PcaComponents, args.SpanOf("k") ?? operation.Span, k, input.Elements, fitOn, input);
        return null;
    }

    /// <summary>The operations of a block that holds no chains (preprocess, regularize).</summary>
    IEnumerable<Invocation> Flatten(Block block)
    {
        foreach (Chain chain in block.Items)
        {
            if (chain.Links.Length > 1)
                _diagnostics.Report(DiagnosticCatalog.SyntaxError, chain.Links[1].Span, "`->`", "one operation per line (`->` joins layers in a model)");
            foreach (Invocation link in chain.Links)
                yield return link;
        }
    }

    OperationSpec? Lookup(OperationCategory category, Invocation invocation)
    {
        OperationSpec? spec = SchemaCatalog.Find(category, invocation.Name.Text);
        if (spec is null)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, invocation.Name.Span, SchemaCatalog.Noun(category), invocation.Name.Text,
                Suggestions.DidYouMean(invocation.Name.Text, SchemaCatalog.Names(category)));
            return null;
        }
        if (invocation.Body is { } body)
        {
            _diagnostics.Report(DiagnosticCatalog.UnexpectedBlock, body.Span, invocation.Name.Text);
            return null;
        }
        return spec;
    }
}
