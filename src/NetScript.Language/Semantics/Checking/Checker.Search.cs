using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    // `$name`s defined by search blocks so far.
    readonly HashSet<string> _searchParameters = new(StringComparer.Ordinal);

    void CheckSearch(SearchStatement statement)
    {
        if (SchemaCatalog.Find(OperationCategory.Search, statement.Kind.Text) is { } kind)
            CheckArgumentNames(kind, statement.Arguments);
        else
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, statement.Kind.Span, SchemaCatalog.Noun(OperationCategory.Search),
                statement.Kind.Text, Suggestions.DidYouMean(statement.Kind.Text, SchemaCatalog.Names(OperationCategory.Search)));

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (SearchParameter parameter in statement.Space.Parameters)
        {
            if (!names.Add(parameter.Name.Text))
                _diagnostics.Report(DiagnosticCatalog.DuplicateArgument, parameter.Name.Span, parameter.Name.Text);
            CheckDistribution(parameter);
        }
        NotImplemented("search", statement.Keyword.Span);
        _searchParameters.UnionWith(names);
    }

    void CheckDistribution(SearchParameter parameter)
    {
        if (parameter.Distribution is not CallExpression call)
        {
            _diagnostics.Report(DiagnosticCatalog.NotADistribution, parameter.Distribution.Span, parameter.Name.Text,
                ConstantEvaluator.Evaluate(parameter.Distribution).Describe());
            return;
        }
        if (SchemaCatalog.Find(OperationCategory.Distribution, call.Callee.Text) is not { } spec)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, call.Callee.Span, SchemaCatalog.Noun(OperationCategory.Distribution),
                call.Callee.Text, Suggestions.DidYouMean(call.Callee.Text, SchemaCatalog.Names(OperationCategory.Distribution)));
            return;
        }
        if (spec == SearchSchema.Choice)
        {
            if (call.Arguments.Items.IsEmpty)
                _diagnostics.Report(DiagnosticCatalog.InvalidSearchRange, call.Span, "values", spec.Name, "needs at least one value");
            foreach (Argument named in call.Arguments.Items.Where(a => a.Name is not null))
                _diagnostics.Report(DiagnosticCatalog.UnknownArgument, named.Name!.Span, spec.Name, named.Name.Text, "");
            return;
        }
        if (BindOrNull(spec, call.Arguments, call.Callee.Span) is not { } args) return;
        double low = spec == SearchSchema.Int ? args.Int("low") : args.Number("low");
        double high = spec == SearchSchema.Int ? args.Int("high") : args.Number("high");
        if (high <= low)
        {
            _diagnostics.Report(DiagnosticCatalog.InvalidSearchRange, args.SpanOf("high") ?? call.Span, "high", spec.Name,
                $"must be greater than `low` ({Format(high)} is not greater than {Format(low)})");
        }
    }

    static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>Reports `$name`s no search defined. Returns whether the statement uses any
    /// search variable: such a statement cannot be checked until searches are implemented.</summary>
    bool CheckSearchVariables(Statement statement)
    {
        bool any = false;
        foreach (VariableExpression variable in SyntaxWalker.Expressions(statement).OfType<VariableExpression>())
        {
            any = true;
            string name = variable.Name.Text;
            if (_searchParameters.Contains(name) || _poisoned.Contains(name)) continue;
            string hint = _searchParameters.Count > 0
                ? Suggestions.DidYouMean(name, _searchParameters)
                : $"; define it in a block such as `search random trials=20 maximize=val_acc {{ {name} = uniform(0.1, 0.9) }}`";
            _diagnostics.Report(DiagnosticCatalog.UnknownSearchVariable, variable.Span, name, hint);
        }
        return any;
    }
}
