namespace NetScript.Language.Syntax;

/// <summary>Writes statements in the canonical layout into a <see cref="LineWriter"/>.</summary>
internal sealed class FormatPrinter(LineWriter writer, int[] commentOffsets)
{
    public void Statement(Statement statement)
    {
        writer.Begin(0, statement.Span.Start);
        switch (statement)
        {
            case SeedStatement s: writer.Append("seed " + Expr(s.Value)); break;
            case ThreadsStatement s: writer.Append("threads " + Expr(s.Value)); break;
            case LoadStatement s: writer.Append($"load {s.Kind} {Expr(s.Source)}{Aliased(s.Arguments, s.Alias, s.TrailingArguments)}"); break;
            case SplitStatement s: writer.Append($"split {s.Source} into{Args(s.Arguments)}"); break;
            case KfoldStatement s: writer.Append($"kfold {s.Source}{Aliased(s.Arguments, s.Alias, s.TrailingArguments)}"); break;
            case PreprocessStatement s:
                writer.Append($"preprocess{Args(s.Arguments)} ");
                TopBlock(s.Body);
                break;
            case ModelStatement s:
                writer.Append($"model {s.Name} ");
                TopBlock(s.Body);
                break;
            case RegularizeStatement s:
                writer.Append($"regularize {s.Model} ");
                TopBlock(s.Body);
                break;
            case OptimizerStatement s: writer.Append($"optimizer {s.Kind}{Args(s.Arguments)}"); break;
            case ScheduleStatement s: writer.Append($"schedule {s.Kind}{Args(s.Arguments)}"); break;
            case LossStatement s: Define("loss", s.Name, s.Definition); break;
            case MetricStatement s: Define("metric", s.Name, s.Definition); break;
            case LayerStatement s: Define("layer", s.Name, s.Definition); break;
            case TrainStatement s: writer.Append($"train {s.Model} on {s.Data}{Args(s.Arguments)}"); break;
            case EvaluateStatement s: writer.Append($"evaluate {s.Model} on {s.Data}{Args(s.Arguments)}"); break;
            case LrFindStatement s: writer.Append($"lr_find {s.Model} on {s.Data}{Args(s.Arguments)}"); break;
            case SearchStatement s:
                writer.Append($"search {s.Kind}{Args(s.Arguments)} ");
                SearchSpace(s.Space);
                break;
            case EnsembleStatement s: writer.Append($"ensemble {s.Model}{Aliased(s.Arguments, s.Alias, s.TrailingArguments)}"); break;
            case TransferStatement s: writer.Append($"transfer {s.Model} from {Expr(s.Source)}{Aliased(s.Arguments, s.Alias, s.TrailingArguments)}"); break;
            case ExportStatement s: writer.Append($"export {s.Name} to {Expr(s.Target)}{Args(s.Arguments)}"); break;
            case CommandStatement s: writer.Append(s.Keyword.Text + (s.Argument.Length > 0 ? " " + CommandArgument(s.Argument) : "")); break;
            default: throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name, "no layout for this statement");
        }
        writer.Extend(statement.Span.End);
    }

    void Define(string keyword, Identifier name, Definition definition)
    {
        writer.Append($"{keyword} {name} = ");
        switch (definition)
        {
            case CSharpSnippet snippet:
                writer.Append("csharp {" + snippet.Code + "}");
                break;
            case BuiltinDefinition builtin:
                Invocation(builtin.Operation, 0);
                break;
        }
    }

    /// <summary>A statement's block: one item per line (empty: <c>{}</c>).</summary>
    void TopBlock(Block block)
    {
        if (block.Items.IsEmpty) writer.Append("{}");
        else MultiLine(block, 0);
    }

    void MultiLine(Block block, int indent)
    {
        writer.Append("{");
        writer.Extend(block.Span.Start + 1);
        writer.MarkOpener();
        foreach (Chain item in block.Items)
        {
            writer.Begin(indent + 1, item.Span.Start);
            Chain(item, indent + 1);
            writer.Extend(item.Span.End);
        }
        writer.Begin(indent, block.Span.End - 1, closer: true);
        writer.Append("}");
        writer.Extend(block.Span.End);
    }

    void SearchSpace(SearchSpace space)
    {
        if (space.Parameters.IsEmpty)
        {
            writer.Append("{}");
            return;
        }
        writer.Append("{");
        writer.Extend(space.Span.Start + 1);
        writer.MarkOpener();
        foreach (SearchParameter parameter in space.Parameters)
        {
            writer.Begin(1, parameter.Span.Start);
            writer.Append($"{parameter.Name} = {Expr(parameter.Distribution)}");
            writer.Extend(parameter.Span.End);
        }
        writer.Begin(0, space.Span.End - 1, closer: true);
        writer.Append("}");
        writer.Extend(space.Span.End);
    }

    void Chain(Chain chain, int indent)
    {
        for (int i = 0; i < chain.Links.Length; i++)
        {
            if (i > 0) writer.Append(" -> ");
            Invocation(chain.Links[i], indent);
        }
    }

    void Invocation(Invocation invocation, int indent)
    {
        writer.Append(invocation.Name.Text + Args(invocation.Arguments));
        if (invocation.Body is not { } body) return;
        writer.Append(" ");
        if (body.Items.IsEmpty)
            writer.Append("{}");
        else if (!HasComment(body) && Inline(body) is var inline && writer.Column + inline.Length <= SyntaxFormatter.MaxWidth)
            writer.Append(inline);
        else
            MultiLine(body, indent);
    }

    bool HasComment(Block block)
    {
        int index = Array.BinarySearch(commentOffsets, block.Span.Start);
        if (index < 0) index = ~index;
        return index < commentOffsets.Length && commentOffsets[index] < block.Span.End;
    }

    static string Inline(Block block) =>
        block.Items.IsEmpty ? "{}" : "{ " + string.Join("; ", block.Items.Select(InlineChain)) + " }";

    static string InlineChain(Chain chain) => string.Join(" -> ", chain.Links.Select(link =>
        link.Name.Text + Args(link.Arguments) + (link.Body is { } body ? " " + Inline(body) : "")));

    /// <summary>Arguments around an alias, each on the side it was written on: moving
    /// <c>*x</c> next to a number would turn a pattern into a multiplication.</summary>
    static string Aliased(ArgumentList arguments, Identifier? alias, int trailing)
    {
        int before = arguments.Items.Length - trailing;
        return Args(arguments.Items[..before]) + (alias is null ? "" : " as " + alias.Text) + Args(arguments.Items[before..]);
    }

    static string Args(ArgumentList arguments) => Args(arguments.Items);

    static string Args(IEnumerable<Argument> arguments) => string.Concat(arguments.Select(a => " " + Arg(a)));

    static string Arg(Argument argument) => argument.Name is { } name ? $"{name}={Expr(argument.Value)}" : Expr(argument.Value);

    /// <summary>Raw when it reads back the same (a path without blanks), else quoted.</summary>
    static string CommandArgument(string argument) =>
        argument.Any(c => char.IsWhiteSpace(c) || c is ';' or '#' or '"' or '\\') ? Quote(argument) : argument;

    static string Quote(string text) => SyntaxPrinter.Quote(text);

    public static string Expr(Expression expression) => expression switch
    {
        NumberLiteral n => n.Text,
        StringLiteral s => Quote(s.Value),
        NameExpression n => n.Name.Text,
        PatternExpression p => p.Text,
        VariableExpression v => "$" + v.Name.Text,
        ListExpression l => "[" + string.Join(", ", l.Items.Select(Expr)) + "]",
        CallExpression c => c.Callee.Text + "(" + string.Join(", ", c.Arguments.Items.Select(Arg)) + ")",
        NegateExpression n => "-" + Expr(n.Operand),
        BinaryExpression b => Binary(b),
        QuantityExpression q => Expr(q.Amount) + " " + q.Unit.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "no layout for this expression"),
    };

    // `2*3`, `1/255`; but `x * y` keeps its spaces, because `x*y` would read as a pattern.
    static string Binary(BinaryExpression binary)
    {
        string left = Expr(binary.Left);
        if (binary.Operator == BinaryOperator.Divide) return left + "/" + Expr(binary.Right);
        bool nameOnLeft = Rightmost(binary.Left) is NameExpression or PatternExpression;
        return left + (nameOnLeft ? " * " : "*") + Expr(binary.Right);
    }

    static Expression Rightmost(Expression expression) => expression switch
    {
        BinaryExpression b => Rightmost(b.Right),
        NegateExpression n => Rightmost(n.Operand),
        _ => expression,
    };
}
