using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>The statements a search repeats. The trial's body runs through the last `train`
/// after the search; what follows runs once, after the search, with the best trial's values.
/// Both are checked with representative values — every range at its low end, every range at
/// its high end, and each `choice` value in turn — so an error that some trial would meet is
/// reported here, at the `$name` it comes from, before any trial runs.</summary>
internal sealed partial class Checker
{
    void CheckSearchTrials(SearchStatement statement, SearchPlan plan, ImmutableArray<Statement> rest)
    {
        if (rest.OfType<SearchStatement>().FirstOrDefault() is { } nested)
        {
            _diagnostics.Report(DiagnosticCatalog.NestedSearch, nested.Keyword.Span);
            return;
        }
        int lastTrain = rest.Select((s, i) => (s, i)).LastOrDefault(p => p.s is TrainStatement, (null!, -1)).Item2;
        if (lastTrain < 0)
        {
            _diagnostics.Report(DiagnosticCatalog.SearchWithoutTraining, statement.Keyword.Span);
            return;
        }
        var used = rest.SelectMany(SyntaxWalker.Expressions).OfType<VariableExpression>().Select(v => v.Name.Text).ToHashSet(StringComparer.Ordinal);
        foreach (SearchParameter parameter in statement.Space.Parameters.Where(p => !used.Contains(p.Name.Text)))
            _diagnostics.Report(DiagnosticCatalog.UnusedSearchParameter, parameter.Name.Span, parameter.Name.Text);
        if (plan.Kind == SearchSchema.Grid.Name && GridSize(plan) is var size && size > plan.MaxTrials)
        {
            string axes = string.Join(" × ", plan.Space.Select(d => GridAxis(plan, d)));
            _diagnostics.Report(DiagnosticCatalog.GridTooLarge, plan.Arguments.SpanOf("points") ?? statement.Kind.Span, size, axes, plan.MaxTrials);
            return;
        }

        var binder = new SyntaxTrialBinder(_source, rest[..(lastTrain + 1)], rest[(lastTrain + 1)..], _symbols, _options, plan, TrialCount(plan));
        TrialProgram? first = null;
        var seen = new HashSet<(string, TextSpan, string)>();
        foreach (var values in RepresentativeValues(plan.Space))
        {
            var check = new DiagnosticBag(_source);
            TrialProgram? program = binder.Check(values, check, lint: first is null);
            foreach (Diagnostic d in check.Where(d => seen.Add((d.Id, d.Span, d.Message))))
                _diagnostics.Add(d);
            first ??= program;
        }
        if (first is null || _diagnostics.HasErrors) return;
        if (!CheckSearchMetric(plan, first.Body, plan.Arguments.SpanOf(plan.Maximize ? "maximize" : "minimize")!.Value)) return;
        Emit(new SearchStep(plan, binder, statement.Span) { BodyStatements = lastTrain + 1 }, first.Tail.SymbolsAfterAll);
    }

    /// <summary>The search's metric must be one the trial's last training reports after its
    /// last epoch (with folds, each fold's validation part is its held-out split).</summary>
    bool CheckSearchMetric(SearchPlan plan, CheckedProgram body, TextSpan at)
    {
        if (body.Steps.OfType<TrainStep>().LastOrDefault() is not { } train) return true;
        string metric = plan.Metric;
        bool validates = train.Validate is not null || train.Folds is not null;
        string custom = metric[(metric.IndexOf('_') + 1)..];
        string? missing = metric switch
        {
            _ when !metric.StartsWith("val_", StringComparison.Ordinal) && !metric.StartsWith("train_", StringComparison.Ordinal) =>
                "a metric reads `val_NAME` or `train_NAME` (choose trials on `val_*`: held-out data)",
            _ when metric.StartsWith("val_", StringComparison.Ordinal) && !validates => "add `validate=` with a held-out split, or train on `kfold` folds",
            _ when custom == "loss" => null,
            _ when custom == "acc" => train.Settings.Loss.HasAccuracy ? null : $"loss `{train.Settings.Loss.Kind}` makes no class predictions",
            _ when custom == "topk" => train.Settings.TopK is null ? "add `top_k=`" : null,
            _ when metric.StartsWith("val_", StringComparison.Ordinal) && train.Metrics.Any(m => m.Name == custom) => null,
            _ => $"no C# metric `{custom}` is measured (add `metrics=[{custom}]` to the training)",
        };
        if (missing is null) return true;
        _diagnostics.Report(DiagnosticCatalog.SearchMetricNotMeasured, at, metric, _source.GetLocation(train.Span.Start).Line, missing);
        return false;
    }

    /// <summary>Low ends, high ends, then each other `choice` value with the rest at their low ends.</summary>
    static IEnumerable<IReadOnlyDictionary<string, Value>> RepresentativeValues(ImmutableArray<SearchDimension> space)
    {
        Dictionary<string, Value> At(Func<SearchDimension, Value> pick) => space.ToDictionary(d => d.Name, pick, StringComparer.Ordinal);
        var low = At(d => d.Kind == DistributionKind.Choice ? d.Choices[0] : Number(d, d.Low));
        yield return low;
        yield return At(d => d.Kind == DistributionKind.Choice ? d.Choices[^1] : Number(d, d.Kind == DistributionKind.Int ? d.Low + (d.IntCount - 1) * d.Step : d.High));
        foreach (SearchDimension choice in space.Where(d => d.Kind == DistributionKind.Choice))
            for (int i = 1; i < choice.Choices.Length - 1; i++)
                yield return new Dictionary<string, Value>(low, StringComparer.Ordinal) { [choice.Name] = choice.Choices[i] };
    }

    static NumberValue Number(SearchDimension dimension, double value) => new(value, dimension.Kind == DistributionKind.Int);

    /// <summary>How many trials the search runs: known before they run for every kind.</summary>
    static long? TrialCount(SearchPlan plan) => plan.Strategy switch
    {
        SearchStrategy.Grid => GridSize(plan),
        SearchStrategy.CoarseToFine => (long)plan.Trials * plan.Rounds,
        SearchStrategy.Random or SearchStrategy.Bayes => plan.Trials,
        _ => null,
    };

    static long GridSize(SearchPlan plan) =>
        plan.Space.Aggregate(1L, (n, d) => (long)Math.Min(long.MaxValue / 2.0, (double)n * GridCount(plan, d)));

    static long GridCount(SearchPlan plan, SearchDimension d) => d.Kind switch
    {
        DistributionKind.Choice => d.Choices.Length,
        DistributionKind.Int => Math.Min(d.IntCount, plan.Points),
        _ => plan.Points,
    };

    static string GridAxis(SearchPlan plan, SearchDimension d) => $"{GridCount(plan, d)} {d.Name}";
}
