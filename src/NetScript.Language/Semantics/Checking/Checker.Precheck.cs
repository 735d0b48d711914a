using System.Collections.Immutable;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    /// <summary>Runs before a statement's own check: a statement that uses a search variable, or
    /// (for `train`) a loss or dataset that a not-implemented statement defines, cannot be
    /// checked yet and is skipped quietly (its names are planned, so nothing cascades). Returns
    /// the statement to check, with not-implemented options removed, or null to skip it.</summary>
    Statement? Precheck(Statement statement)
    {
        if (CheckSearchVariables(statement))
        {
            Defer(statement);
            return null;
        }
        if (statement is TrainStatement train)
        {
            var names = train.Arguments.Items.Select(a => a.Value).OfType<NameExpression>().Select(n => n.Name.Text)
                .Append(train.Data.Text).Append(train.Model.Text);
            if (names.Any(_planned.Contains))
            {
                Defer(statement);
                return null;
            }
            return train with { Arguments = WithoutPlannedOptions(StatementSchema.Train, train.Arguments) };
        }
        return statement;
    }

    /// <summary>Reports each not-implemented option (`early_stop(…)`) once and removes it, so
    /// the rest of the statement is still checked.</summary>
    ArgumentList WithoutPlannedOptions(OperationSpec spec, ArgumentList arguments)
    {
        var kept = ImmutableArray.CreateBuilder<Argument>();
        foreach (Argument argument in arguments.Items)
        {
            string? option = argument switch
            {
                { Name: { } name } when spec.Find(name.Text) is { Planned: true } => name.Text,
                { Name: null, Value: NameExpression bare } when spec.Find(bare.Name.Text) is { Planned: true } => bare.Name.Text,
                { Name: null, Value: CallExpression call } when spec.Find(call.Callee.Text) is null or { Type: ParameterType.Options, Planned: true } => call.Callee.Text,
                _ => null,
            };
            if (option is null)
            {
                kept.Add(argument);
                continue;
            }
            var single = new ArgumentList([argument], argument.Span);
            int before = _diagnostics.Count;
            CheckArgumentNames(spec, single);
            if (_diagnostics.Count == before)
                NotImplemented(argument.Value is CallExpression ? option + "(…)" : option, argument.Span);
        }
        return kept.Count == arguments.Items.Length ? arguments : new ArgumentList(kept.ToImmutable(), arguments.Span);
    }

    /// <summary>Skips a statement that cannot be checked yet: what it defines or changes is planned.</summary>
    void Defer(Statement statement)
    {
        switch (statement)
        {
            case TrainStatement s: Unresolvable(s.Model.Text); break;
            case EnsembleStatement { Alias: null } s: Unresolvable(s.Model.Text); break;
            case TransferStatement { Alias: null } s: Unresolvable(s.Model.Text); break;
        }
        Plan(SyntaxWalker.Declarations(statement));
    }

    /// <summary>Layers a not-implemented `layer NAME = …` defines. True when the link must be skipped.</summary>
    bool IsPlannedLayer(Invocation link) =>
        (_planned.Contains(link.Name.Text) || _poisoned.Contains(link.Name.Text))
        && SchemaCatalog.Find(OperationCategory.Layer, link.Name.Text) is null;
}
