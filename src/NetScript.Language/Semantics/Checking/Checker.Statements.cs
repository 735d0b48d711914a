using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Statements the language parses but the runtime does not run yet: what is checkable
/// today (names they refer to, use before definition, argument names) is checked, then one
/// NS0050 says the statement is not implemented. Names they would define are remembered as
/// planned, so later uses do not cascade into "unknown name" errors.</summary>
internal sealed partial class Checker
{
    // Names defined by statements that are not implemented yet (ensembles, transfers).
    readonly HashSet<string> _planned = new(StringComparer.Ordinal);

    /// <summary>The REPL compiles with redefinition allowed; only there are commands steps.</summary>
    bool Interactive => _options.AllowRedefinition;

    void NotImplemented(string construct, TextSpan span) =>
        _diagnostics.Report(DiagnosticCatalog.NotImplemented, span, construct);

    /// <summary>Remembers names a not-implemented statement would define.</summary>
    void Plan(params IEnumerable<string> names)
    {
        var list = names.ToList();
        _planned.UnionWith(list);
        Poison(list);
    }

    /// <summary>A model changed by a statement that cannot be checked (its weights, head or
    /// training are not known): later uses stay quiet instead of checking a stale model.</summary>
    void Unresolvable(string model)
    {
        if (_symbols.Models.ContainsKey(model)) _symbols = _symbols with { Models = _symbols.Models.Remove(model) };
        Plan(model);
    }

    // The last `train` of each model (what an ensemble's members repeat), and the names that hold ensembles.
    readonly Dictionary<string, TrainStep> _lastTraining = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _ensembles = new(StringComparer.Ordinal);

    void CheckEnsemble(EnsembleStatement statement)
    {
        bool free = statement.Alias is null || CheckFree(statement.Alias);
        ModelSymbol? model = LookupModel(statement.Model);
        var args = BindOrNull(StatementSchema.Ensemble, statement.Arguments, statement.Keyword.Span);
        string name = statement.Alias?.Text ?? statement.Model.Text;
        if (!free || model is null || args is null) { Plan(name); return; }
        if (!model.Trained || !_lastTraining.TryGetValue(model.Name, out TrainStep? train))
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleOfUntrained, statement.Model.Span, model.Name);
            Plan(name);
            return;
        }
        var seeds = args.Integers("seeds") ?? [];
        TextSpan seedsAt = args.SpanOf("seeds") ?? statement.Keyword.Span;
        string? problem = seeds.Length == 0 ? (args.SpanOf("seeds") is null ? "`seeds=` is missing" : "the list is empty")
            : seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"seed {twice.Key} is given twice"
            : null;
        if (problem is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleSeeds, seedsAt, problem);
            Plan(name);
            return;
        }
        _lastTraining[name] = train with { Model = name };
        _ensembles[name] = seeds.Length;
        Emit(new EnsembleStep(name, train, seeds, args.Text("average"), statement.Span),
            _symbols with { Models = _symbols.Models.SetItem(name, model with { Name = name }) });
    }

    void CheckCommand(CommandStatement statement)
    {
        if (!Interactive)
        {
            _diagnostics.Report(DiagnosticCatalog.CommandInScript, statement.Keyword.Span, statement.Keyword.Text);
            return;
        }
        Emit(new CommandStep(statement.Name, statement.Argument, statement.Span), _symbols);
    }

    void RequireString(Expression value, string what, string statement, string expected)
    {
        if (value is not StringLiteral)
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, value.Span, what, statement, expected, ConstantEvaluator.Evaluate(value).Describe());
    }

    /// <summary>Argument names of a statement whose values cannot be bound yet (lists,
    /// patterns): unknown names with "did you mean", duplicates, stray positional values.</summary>
    void CheckArgumentNames(OperationSpec spec, ArgumentList arguments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int positional = spec.Parameters.Count(p => p.Positional);
        foreach (Argument argument in arguments.Items)
        {
            string? name = argument.Name?.Text;
            if (name is null && argument.Value is NameExpression bare && spec.Find(bare.Name.Text) is { Type: ParameterType.Flag or ParameterType.Options })
                name = bare.Name.Text;
            else if (name is null && argument.Value is CallExpression call)
                name = call.Callee.Text;
            if (name is null)
            {
                if (positional-- > 0) continue;
                if (argument.Value is NameExpression word)
                    _diagnostics.Report(DiagnosticCatalog.UnknownArgument, argument.Span, spec.Name, word.Name.Text,
                        Suggestions.DidYouMean(word.Name.Text, spec.Parameters.Select(p => p.Name)));
                else
                    _diagnostics.Report(DiagnosticCatalog.TooManyPositional, argument.Span, spec.Name, spec.Parameters.Count(p => p.Positional),
                        _source.ToString(argument.Span));
                continue;
            }
            if (spec.Find(name) is null)
            {
                TextSpan at = argument.Name?.Span ?? argument.Span;
                _diagnostics.Report(DiagnosticCatalog.UnknownArgument, at, spec.Name, name,
                    Suggestions.DidYouMean(name, spec.Parameters.Select(p => p.Name)));
            }
            else if (!seen.Add(name))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateArgument, argument.Span, name);
            }
            else if (argument.Value is CallExpression options && spec.Find(name) is { Nested: { } nested })
            {
                CheckArgumentNames(nested, options.Arguments);
            }
        }
    }
}
