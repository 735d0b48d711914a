namespace NetScript.Language.Syntax;

/// <summary>Enumerates the expressions inside a statement, nested ones included (list items,
/// call arguments, operands, block items, search distributions). Recursion depth is bounded
/// by <see cref="SyntaxFacts.MaxNesting"/>, which the parser enforces.</summary>
public static class SyntaxWalker
{
    public static IEnumerable<Expression> Expressions(Statement statement) => statement switch
    {
        SeedStatement s => Walk(s.Value),
        ThreadsStatement s => Walk(s.Value),
        LoadStatement s => Walk(s.Source).Concat(Walk(s.Arguments)),
        SplitStatement s => Walk(s.Arguments),
        KfoldStatement s => Walk(s.Arguments),
        PreprocessStatement s => Walk(s.Arguments).Concat(Walk(s.Body)),
        ModelStatement s => Walk(s.Body),
        RegularizeStatement s => Walk(s.Body),
        OptimizerStatement s => Walk(s.Arguments),
        ScheduleStatement s => Walk(s.Arguments),
        LossStatement s => Walk(s.Definition),
        MetricStatement s => Walk(s.Definition),
        LayerStatement s => Walk(s.Definition),
        TrainStatement s => Walk(s.Arguments),
        EvaluateStatement s => Walk(s.Arguments),
        LrFindStatement s => Walk(s.Arguments),
        SearchStatement s => Walk(s.Arguments).Concat(s.Space.Parameters.SelectMany(p => Walk(p.Distribution))),
        EnsembleStatement s => Walk(s.Arguments),
        TransferStatement s => Walk(s.Source).Concat(Walk(s.Arguments)),
        ExportStatement s => Walk(s.Target).Concat(Walk(s.Arguments)),
        _ => [],
    };

    /// <summary>The names a statement defines: the `as` alias, split parts, the model, loss,
    /// metric or layer name, search parameters.</summary>
    public static IEnumerable<string> Declarations(Statement statement) => statement switch
    {
        LoadStatement s => [s.Alias.Text],
        SplitStatement s => s.Arguments.Items.Where(a => a.Name is not null).Select(a => a.Name!.Text),
        KfoldStatement s => [s.Alias.Text],
        ModelStatement s => [s.Name.Text],
        LossStatement s => [s.Name.Text],
        MetricStatement s => [s.Name.Text],
        LayerStatement s => [s.Name.Text],
        SearchStatement s => s.Space.Parameters.Select(p => p.Name.Text),
        EnsembleStatement { Alias: { } alias } => [alias.Text],
        TransferStatement { Alias: { } alias } => [alias.Text],
        ErrorStatement s => s.Declares,
        _ => [],
    };

    static IEnumerable<Expression> Walk(Definition definition) =>
        definition is BuiltinDefinition b ? Walk(b.Operation) : [];

    static IEnumerable<Expression> Walk(Block block) =>
        block.Items.SelectMany(chain => chain.Links).SelectMany(Walk);

    static IEnumerable<Expression> Walk(Invocation invocation) =>
        Walk(invocation.Arguments).Concat(invocation.Body is { } body ? Walk(body) : []);

    static IEnumerable<Expression> Walk(ArgumentList arguments) =>
        arguments.Items.SelectMany(a => Walk(a.Value));

    public static IEnumerable<Expression> Walk(Expression expression)
    {
        yield return expression;
        IEnumerable<Expression> children = expression switch
        {
            ListExpression l => l.Items.SelectMany(Walk),
            CallExpression c => Walk(c.Arguments),
            NegateExpression n => Walk(n.Operand),
            BinaryExpression b => Walk(b.Left).Concat(Walk(b.Right)),
            QuantityExpression q => Walk(q.Amount),
            _ => [],
        };
        foreach (Expression child in children)
            yield return child;
    }
}
