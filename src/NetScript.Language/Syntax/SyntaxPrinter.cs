using System.Globalization;
using System.Text;

namespace NetScript.Language.Syntax;

/// <summary>A canonical, span-free text form of the AST (S-expressions), used by golden tests
/// and by the round-trip test of the formatter.</summary>
public static class SyntaxPrinter
{
    public static string Print(ScriptSyntax script)
    {
        var builder = new StringBuilder();
        foreach (Statement statement in script.Statements)
            builder.Append(Print(statement)).Append('\n');
        return builder.ToString();
    }

    public static string Print(Statement statement) => statement switch
    {
        SeedStatement s => $"(seed {Print(s.Value)})",
        ThreadsStatement s => $"(threads {Print(s.Value)})",
        LoadStatement s => $"(load {s.Kind} {Print(s.Source)}{Print(s.Arguments)} as {s.Alias})",
        SplitStatement s => $"(split {s.Source} into{Print(s.Arguments)})",
        PreprocessStatement s => $"(preprocess{Print(s.Arguments)} {Print(s.Body)})",
        ModelStatement s => $"(model {s.Name} {Print(s.Body)})",
        OptimizerStatement s => $"(optimizer {s.Kind}{Print(s.Arguments)})",
        TrainStatement s => $"(train {s.Model} on {s.Data}{Print(s.Arguments)})",
        EvaluateStatement s => $"(evaluate {s.Model} on {s.Data}{Print(s.Arguments)})",
        LrFindStatement s => $"(lr_find {s.Model} on {s.Data}{Print(s.Arguments)})",
        KfoldStatement s => $"(kfold {s.Source}{Print(s.Arguments)} as {s.Alias})",
        RegularizeStatement s => $"(regularize {s.Model} {Print(s.Body)})",
        ScheduleStatement s => $"(schedule {s.Kind}{Print(s.Arguments)})",
        LossStatement s => $"(loss {s.Name} = {Print(s.Definition)})",
        MetricStatement s => $"(metric {s.Name} = {Print(s.Definition)})",
        LayerStatement s => $"(layer {s.Name} = {Print(s.Definition)})",
        SearchStatement s => $"(search {s.Kind}{Print(s.Arguments)} {{{string.Join("; ", s.Space.Parameters.Select(p => $"{p.Name} = {Print(p.Distribution)}"))}}})",
        EnsembleStatement s => $"(ensemble {s.Model}{Print(s.Arguments)}{Alias(s.Alias)})",
        TransferStatement s => $"(transfer {s.Model} from {Print(s.Source)}{Print(s.Arguments)}{Alias(s.Alias)})",
        ExportStatement s => $"(export {s.Name} to {Print(s.Target)}{Print(s.Arguments)})",
        CommandStatement s => $"({s.Keyword}{(s.Argument.Length > 0 ? " " + Quote(s.Argument) : "")})",
        ErrorStatement s => $"(error {s.Keyword}{string.Concat(s.Declares.Select(d => " " + d))})",
        _ => throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name, "no printer for this statement"),
    };

    static string Alias(Identifier? alias) => alias is null ? "" : $" as {alias}";

    /// <summary>A snippet prints verbatim, so the round-trip test proves the formatter keeps it.</summary>
    static string Print(Definition definition) => definition switch
    {
        CSharpSnippet c => $"csharp {{{c.Code}}}",
        BuiltinDefinition b => Print(b.Operation),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.GetType().Name, "no printer for this definition"),
    };

    /// <summary>A string literal that reads back as <paramref name="text"/>.</summary>
    internal static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    public static string Print(Block block) =>
        "{" + string.Join("; ", block.Items.Select(Print)) + "}";

    static string Print(Chain chain) => string.Join(" -> ", chain.Links.Select(Print));

    static string Print(Invocation invocation) =>
        $"({invocation.Name}{Print(invocation.Arguments)}{(invocation.Body is { } body ? " " + Print(body) : "")})";

    static string Print(ArgumentList arguments) =>
        string.Concat(arguments.Items.Select(a => " " + Print(a)));

    static string Print(Argument argument) =>
        argument.Name is { } name ? $"{name}={Print(argument.Value)}" : Print(argument.Value);

    public static string Print(Expression expression) => expression switch
    {
        NumberLiteral n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        StringLiteral s => Quote(s.Value),
        PatternExpression p => p.Text,
        NameExpression n => n.Name.Text,
        VariableExpression v => "$" + v.Name.Text,
        ListExpression l => "[" + string.Join(", ", l.Items.Select(Print)) + "]",
        CallExpression c => $"{c.Callee}(" + string.Join(", ", c.Arguments.Items.Select(Print)) + ")",
        NegateExpression n => $"(- {Print(n.Operand)})",
        BinaryExpression b => $"({(b.Operator == BinaryOperator.Multiply ? "*" : "/")} {Print(b.Left)} {Print(b.Right)})",
        QuantityExpression q => $"({Print(q.Amount)} {q.Unit})",
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "no printer for this expression"),
    };
}
