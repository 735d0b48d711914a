using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    static readonly string[] LoadKinds = ["dataset"];

    void CheckLoad(LoadStatement statement)
    {
        bool free = CheckFree(statement.Alias);
        Poison([statement.Alias.Text]);
        if (!LoadKinds.Contains(statement.Kind.Text))
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownLoadKind, statement.Kind.Span, statement.Kind.Text,
                Suggestions.DidYouMean(statement.Kind.Text, LoadKinds), string.Join(", ", LoadKinds.Select(k => $"`{k}`")));
            return;
        }
        if (ConstantEvaluator.Evaluate(statement.Source) is not StringValue name)
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, statement.Source.Span, "name", "load dataset", "a quoted catalog name such as \"spiral\"",
                ConstantEvaluator.Evaluate(statement.Source).Describe());
            return;
        }
        OperationSpec? entry = SchemaCatalog.Find(OperationCategory.Dataset, name.Text);
        if (entry is null)
        {
            var names = SchemaCatalog.Names(OperationCategory.Dataset).ToList();
            _diagnostics.Report(DiagnosticCatalog.UnknownCatalogDataset, statement.Source.Span, name.Text,
                Suggestions.DidYouMean(name.Text, names), string.Join(", ", names.Select(n => $"\"{n}\"")));
            return;
        }
        var args = BindOrNull(entry, statement.Arguments, statement.Source.Span);
        if (args is null || !free) return;

        var source = new DatasetSource(statement.Kind.Text, name.Text, args, args.OptionalInt("seed") ?? _symbols.Seed);
        DatasetInfo? info = _options.Datasets.Describe(source, out string? error);
        if (info is null)
        {
            _diagnostics.Report(DiagnosticCatalog.DataError, statement.Source.Span, error ?? $"cannot read `{name.Text}`");
            return;
        }
        bool preprocessed = !_symbols.Preprocessing.IsEmpty;
        var symbol = new DatasetSymbol(statement.Alias.Text, info, statement.Alias.Text, IsSplitPart: false, preprocessed, Where(statement.Alias.Span));
        Emit(new LoadStep(statement.Alias.Text, source, info, preprocessed, statement.Span),
            _symbols with { Datasets = _symbols.Datasets.SetItem(symbol.Name, symbol) });
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

        var datasets = _symbols.Datasets;
        foreach (BoundArgument part in parts)
        {
            long? rows = source.Info.Rows is { } n ? (long)Math.Round(n * (double)part.Value) : null;
            var info = source.Info with { Rows = rows };
            datasets = datasets.SetItem(part.Name, new DatasetSymbol(part.Name, info, source.Root, IsSplitPart: true, Preprocessed: false, Where(part.Span)));
        }
        long seed = args.OptionalInt("seed") ?? _symbols.Seed;
        var splitParts = parts.Select(p => new SplitPart(p.Name, (double)p.Value)).ToImmutableArray();
        Emit(new SplitStep(source.Name, splitParts, args.Flag("stratify"), seed, statement.Span), _symbols with { Datasets = datasets });
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
        if (!_symbols.Datasets.TryGetValue(fitOn, out var fit) || !fit.IsSplitPart)
        {
            var span = args.SpanOf("fit") ?? statement.Keyword.Span;
            _diagnostics.Report(DiagnosticCatalog.PreprocessWithoutSplit, span, fitOn);
            return;
        }
        if (operations.Count == 0) return;

        var targets = _symbols.Datasets.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        var datasets = _symbols.Datasets.ToImmutableDictionary(kv => kv.Key, kv => kv.Value with { Preprocessed = true });
        Emit(new PreprocessStep(fitOn, operations.ToImmutable(), targets, statement.Span),
            _symbols with { Datasets = datasets, Preprocessing = _symbols.Preprocessing.AddRange(operations) });
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
