using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetScript.Language.Schema;

namespace NetScript.Tests.Language.Syntax;

/// <summary>Generates the schema-driven parts of the language reference in grammar/: between
/// <c>&lt;!-- generated: KEY --&gt;</c> and <c>&lt;!-- end generated --&gt;</c> a page holds what
/// <see cref="Render"/> makes of KEY, so arguments, defaults, ranges and units are never retyped.
/// Keys: <c>statement NAME</c> (summary, status, arguments), <c>options NAME</c> (a call-style
/// option group), <c>category NAME</c> (every entry of a schema table), <c>statements</c> (the
/// index). <c>NETSCRIPT_UPDATE_GOLDEN=1 dotnet test --filter ReferencePages</c> rewrites them.</summary>
public static class ReferencePages
{
    static readonly Regex Section = new(@"(?<open><!-- generated: (?<key>[^>]*?) -->\n)(?<body>.*?)(?<close><!-- end generated -->)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>The page with every generated section brought up to date.</summary>
    public static string Regenerate(string page) =>
        Section.Replace(page.Replace("\r\n", "\n"), m => m.Groups["open"].Value + Render(m.Groups["key"].Value) + m.Groups["close"].Value);

    public static IEnumerable<string> Keys(string page) =>
        Section.Matches(page.Replace("\r\n", "\n")).Select(m => m.Groups["key"].Value);

    public static string Render(string key)
    {
        string[] parts = key.Split(' ', 2);
        return parts[0] switch
        {
            "statement" => Statement(Find(StatementSchema.All, parts[1])),
            "options" => Options(parts[1] == OptionGroupSchema.EarlyStop.Name ? OptionGroupSchema.EarlyStop : throw Unknown(key)),
            "category" => Category(Enum.Parse<OperationCategory>(parts[1], ignoreCase: true)),
            "statements" => Index(),
            _ => throw Unknown(key),
        };
    }

    static InvalidOperationException Unknown(string key) => new($"unknown generated section `{key}`");

    static OperationSpec Find(IEnumerable<OperationSpec> specs, string name) =>
        specs.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"the schema has no `{name}`");

    static string Statement(OperationSpec spec)
    {
        var text = new StringBuilder();
        text.Append(spec.Summary).Append("\n\n");
        text.Append(spec.Planned
            ? "**Status: not implemented yet.** The statement parses, `netscript fmt` formats it and the checker checks the names it refers to, then reports NS0050.\n"
            : "**Status: implemented.**\n");
        if (spec.Parameters.Length > 0) text.Append('\n').Append(Arguments(spec.Parameters));
        return text.ToString();
    }

    static string Options(OperationSpec spec) =>
        spec.Summary + (spec.Planned ? " **Not implemented yet.**" : "") + "\n\n" + Arguments(spec.Parameters);

    static string Arguments(IEnumerable<ParameterSpec> parameters)
    {
        var text = new StringBuilder("| argument | type | default | range | description |\n|---|---|---|---|---|\n");
        foreach (ParameterSpec p in parameters)
        {
            string name = $"`{p.Name}`" + (p.Positional ? " (positional)" : "");
            string description = p.Description + (p.Planned ? " **Not implemented yet.**" : "");
            text.Append($"| {name} | {TypeName(p)} | {Default(p)} | {Range(p)} | {Escape(description)} |\n");
        }
        return text.ToString();
    }

    static string Category(OperationCategory category)
    {
        var text = new StringBuilder($"| {SchemaCatalog.Noun(category)} | arguments | what it does |\n|---|---|---|\n");
        foreach (OperationSpec spec in SchemaCatalog.In(category))
        {
            string arguments = spec.Parameters.Length == 0 ? "—" : string.Join("; ", spec.Parameters.Select(Compact));
            string summary = spec.Summary + (spec.Planned ? " **Not implemented yet.**" : "");
            text.Append($"| `{spec.Name}` | {Escape(arguments)} | {Escape(summary)} |\n");
        }
        return text.ToString();
    }

    static string Index()
    {
        var text = new StringBuilder("| statement | what it does | status |\n|---|---|---|\n");
        foreach (OperationSpec spec in StatementSchema.All)
            text.Append($"| [`{spec.Name}`](reference/{spec.Name}.md) | {Escape(spec.Summary)} | {(spec.Planned ? "not implemented yet" : "implemented")} |\n");
        text.Append("| [`:command`](reference/commands.md) | REPL commands such as `:load file.nns` (only in `netscript repl`). | parsed; run by the REPL |\n");
        return text.ToString();
    }

    /// <summary>"`units` (required)", "`bias` = `true`", "`epochs` = `10` epochs".</summary>
    static string Compact(ParameterSpec p) =>
        $"`{p.Name}`" + (p.Required ? " (required)" : p.Default is null ? "" : " = " + Default(p))
        + (p.Type == ParameterType.Duration ? ", a duration" : "")
        + (Range(p) is { Length: > 0 } range ? $", {range}" : "");

    static string TypeName(ParameterSpec p) => p.Type switch
    {
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Flag => "flag",
        ParameterType.String => "string",
        ParameterType.Choice => string.Join(" \\| ", p.Choices.Select(c => $"`{c}`")),
        ParameterType.Dataset => "dataset name",
        ParameterType.List => "list",
        ParameterType.NameList => "list of names",
        ParameterType.Pattern => "layer pattern",
        ParameterType.Metric => "metric name",
        ParameterType.Options => $"`{p.Name}(…)` options",
        _ => p.Type.ToString(),
    };

    static string Default(ParameterSpec p)
    {
        if (p.Required) return "required";
        string? value = p.Default switch
        {
            null => null,
            bool b => b ? "true" : "false",
            double d => Number(d),
            long l => l.ToString(CultureInfo.InvariantCulture),
            string s when p.Type == ParameterType.String => $"\"{s}\"",
            string s => s,
            _ => Convert.ToString(p.Default, CultureInfo.InvariantCulture),
        };
        if (value is null) return "—";
        return $"`{value}`" + (p.Unit is { } unit ? " " + unit : "");
    }

    static string Range(ParameterSpec p) =>
        p.Type is ParameterType.Integer or ParameterType.Number && (p.Min is not null || p.Max is not null) ? p.RangeDescription : "";

    /// <summary>1e-08 → 1e-8, 0.001 → 0.001, as a script writes them.</summary>
    static string Number(double value)
    {
        string text = value.ToString("G6", CultureInfo.InvariantCulture);
        if (!text.Contains('E')) return text;
        string[] parts = text.Split('E');
        return parts[0] + "e" + int.Parse(parts[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
