using System.Collections.Immutable;
using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    // `$name`s defined by search blocks so far.
    readonly HashSet<string> _searchParameters = new(StringComparer.Ordinal);

    /// <summary>Checks a search block and the statements after it (<paramref name="rest"/>),
    /// which the search repeats per trial: they are checked with representative values of the
    /// parameters (Checker.SearchTrials.cs), so a bad value or metric is reported before any
    /// trial runs. Returns whether the search took <paramref name="rest"/> over; when the block
    /// has errors it does not, and the statements are checked one by one as usual.</summary>
    bool CheckSearch(SearchStatement statement, ImmutableArray<Statement> rest)
    {
        OperationSpec? kind = SchemaCatalog.Find(OperationCategory.Search, statement.Kind.Text);
        if (kind is null)
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, statement.Kind.Span, SchemaCatalog.Noun(OperationCategory.Search),
                statement.Kind.Text, Suggestions.DidYouMean(statement.Kind.Text, SchemaCatalog.Names(OperationCategory.Search)));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var space = ImmutableArray.CreateBuilder<SearchDimension>();
        int errors = ErrorCount;
        foreach (SearchParameter parameter in statement.Space.Parameters)
        {
            if (!names.Add(parameter.Name.Text))
                _diagnostics.Report(DiagnosticCatalog.DuplicateArgument, parameter.Name.Span, parameter.Name.Text);
            if (CheckDistribution(parameter) is { } dimension) space.Add(dimension);
        }
        _searchParameters.UnionWith(names);
        if (kind is { Planned: true })
        {
            CheckArgumentNames(kind, statement.Arguments);
            NotImplemented("search " + kind.Name, statement.Kind.Span);
            return false;
        }
        BoundArguments? args = kind is null ? null : BindOrNull(kind, statement.Arguments, statement.Kind.Span);
        if (args is null || ErrorCount > errors) return false;
        if (SearchMetric(statement, args) is not var (metric, maximize)) return false;
        long seed = args.OptionalInt("seed") ?? _symbols.Seed;
        var plan = new SearchPlan(kind!.Name, args, space.ToImmutable(), metric, maximize, seed);
        if (plan.Space.IsEmpty) return false;
        CheckSearchTrials(statement, plan, rest);
        return true;
    }

    int ErrorCount => _diagnostics.Count(d => d.IsError);

    /// <summary>`maximize=` or `minimize=`, exactly one.</summary>
    (string Metric, bool Maximize)? SearchMetric(SearchStatement statement, BoundArguments args)
    {
        string? max = args.OptionalText("maximize"), min = args.OptionalText("minimize");
        if (max is not null && min is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.SearchMetricMissing, args.SpanOf("minimize")!.Value, "one direction, not both");
            return null;
        }
        if (max is null && min is null)
        {
            _diagnostics.Report(DiagnosticCatalog.SearchMetricMissing, statement.Kind.Span, "the metric that ranks its trials");
            return null;
        }
        return max is not null ? (max, true) : (min!, false);
    }

    SearchDimension? CheckDistribution(SearchParameter parameter)
    {
        string name = parameter.Name.Text;
        if (parameter.Distribution is not CallExpression call)
        {
            _diagnostics.Report(DiagnosticCatalog.NotADistribution, parameter.Distribution.Span, name,
                ConstantEvaluator.Evaluate(parameter.Distribution).Describe());
            return null;
        }
        if (SchemaCatalog.Find(OperationCategory.Distribution, call.Callee.Text) is not { } spec)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, call.Callee.Span, SchemaCatalog.Noun(OperationCategory.Distribution),
                call.Callee.Text, Suggestions.DidYouMean(call.Callee.Text, SchemaCatalog.Names(OperationCategory.Distribution)));
            return null;
        }
        if (spec == SearchSchema.Choice)
        {
            if (call.Arguments.Items.IsEmpty)
                _diagnostics.Report(DiagnosticCatalog.InvalidSearchRange, call.Span, "values", spec.Name, "needs at least one value");
            foreach (Argument named in call.Arguments.Items.Where(a => a.Name is not null))
                _diagnostics.Report(DiagnosticCatalog.UnknownArgument, named.Name!.Span, spec.Name, named.Name.Text, "");
            var values = call.Arguments.Items.Select(a => ConstantEvaluator.Evaluate(a.Value)).ToImmutableArray();
            foreach (var (argument, value) in call.Arguments.Items.Zip(values).Where(p => p.Second is UnsupportedValue or ListValue))
                _diagnostics.Report(DiagnosticCatalog.NotADistribution, argument.Value.Span, name, "a choice of " + value.Describe());
            return new SearchDimension(name, DistributionKind.Choice, 0, 0, 1, values);
        }
        if (BindOrNull(spec, call.Arguments, call.Callee.Span) is not { } args) return null;
        bool integer = spec == SearchSchema.Int;
        double low = integer ? args.Int("low") : args.Number("low");
        double high = integer ? args.Int("high") : args.Number("high");
        if (high <= low)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidSearchRange, args.SpanOf("high") ?? call.Span, "high", spec.Name,
                $"must be greater than `low` ({Format(high)} is not greater than {Format(low)})");
            return null;
        }
        DistributionKind kind = integer ? DistributionKind.Int : spec == SearchSchema.LogUniform ? DistributionKind.LogUniform : DistributionKind.Uniform;
        return new SearchDimension(name, kind, low, high, integer ? args.Int("step") : 1, []);
    }

    static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>Reports `$name`s no search defined (in a trial's check, the trial's values
    /// define them). Returns whether the statement uses a variable that has no value here:
    /// such a statement is checked with the search that defines it, not on its own.</summary>
    bool CheckSearchVariables(Statement statement)
    {
        bool any = false;
        var bound = SearchBindings.Current;
        foreach (VariableExpression variable in SyntaxWalker.Expressions(statement).OfType<VariableExpression>())
        {
            string name = variable.Name.Text;
            if (bound is not null && bound.ContainsKey(name)) continue;
            any = true;
            if (_searchParameters.Contains(name) || _poisoned.Contains(name)) continue;
            var known = bound is null ? _searchParameters : _searchParameters.Concat(bound.Keys).ToHashSet(StringComparer.Ordinal);
            string hint = known.Count > 0
                ? Suggestions.DidYouMean(name, known)
                : $"; define it in a block such as `search random trials=20 maximize=val_acc {{ {name} = uniform(0.1, 0.9) }}`";
            _diagnostics.Report(DiagnosticCatalog.UnknownSearchVariable, variable.Span, name, hint);
        }
        return any;
    }
}
