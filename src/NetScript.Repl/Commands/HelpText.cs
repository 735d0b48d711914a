using System.Globalization;
using System.Text;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Repl.Syntax;

namespace NetScript.Repl.Commands;

/// <summary>`:help` text, generated from the schema so it can never disagree with the checker.</summary>
public static class HelpText
{
    // Statements whose operands are schema operations of another category.
    static readonly Dictionary<string, OperationCategory> Operands = new(StringComparer.Ordinal)
    {
        ["load"] = OperationCategory.Dataset,
        ["model"] = OperationCategory.Layer,
        ["optimizer"] = OperationCategory.Optimizer,
        ["preprocess"] = OperationCategory.Preprocessing,
        ["train"] = OperationCategory.Loss,
    };

    public static string Overview()
    {
        var text = new StringBuilder("statements (`:help NAME` for arguments):\n");
        foreach (string keyword in Vocabulary.Statements)
        {
            string summary = SchemaCatalog.Find(OperationCategory.Statement, keyword)?.Summary
                ?? (Operands.TryGetValue(keyword, out var category) ? $"{Plural(SchemaCatalog.Noun(category))}: {string.Join(", ", SchemaCatalog.Names(category))}" : "");
            text.Append("  ").Append(keyword.PadRight(11)).Append(summary).Append('\n');
        }
        text.Append("commands:\n");
        foreach (var (usage, summary) in ReplCommands.Descriptions)
            text.Append("  ").Append(usage.PadRight(18)).Append(summary).Append('\n');
        text.Append("keys: Enter runs (a line ending inside `{` continues), Ctrl+J new line, Up/Down history,\n"
            + "      Ctrl+R search history, Tab completes, F5 pause/resume training, F6 or Ctrl+C stop it,\n"
            + "      Ctrl+C clears the input, Ctrl+L clears the output, PgUp/PgDn scroll, Ctrl+Q quit");
        return text.ToString();
    }

    public static string For(string name)
    {
        var specs = Enum.GetValues<OperationCategory>().Select(c => SchemaCatalog.Find(c, name)).OfType<OperationSpec>().ToList();
        bool isStatement = Vocabulary.Statements.Contains(name);
        if (specs.Count == 0 && !isStatement)
        {
            var known = Vocabulary.Statements.Concat(Vocabulary.Operations);
            return $"no statement or operation named `{name}`{Suggestions.DidYouMean(name, known)}";
        }
        var text = new StringBuilder();
        foreach (OperationSpec spec in specs)
        {
            text.Append(spec.Name).Append(" (").Append(SchemaCatalog.Noun(spec.Category)).Append("): ").Append(spec.Summary).Append('\n');
            foreach (ParameterSpec p in spec.Parameters)
                text.Append("  ").Append(Describe(p)).Append('\n');
            if (spec.Example is { } example) text.Append("  example: ").Append(example).Append('\n');
        }
        if (isStatement && Operands.TryGetValue(name, out var category))
            text.Append(name).Append(" takes ").Append(Plural(SchemaCatalog.Noun(category))).Append(": ")
                .Append(string.Join(", ", SchemaCatalog.Names(category))).Append(" (`:help NAME` for each)\n");
        return text.ToString().TrimEnd('\n');
    }

    static string Describe(ParameterSpec p)
    {
        string name = p.Positional ? $"{p.Name} (positional)" : p.Name + "=";
        string value = p.Default switch
        {
            null => p.Required ? "required" : "optional",
            double d => "default " + d.ToString("G", CultureInfo.InvariantCulture),
            bool b => "default " + (b ? "true" : "false"),
            var v => "default " + Convert.ToString(v, CultureInfo.InvariantCulture),
        };
        string range = p.Min is not null || p.Max is not null ? ", " + p.RangeDescription : "";
        string unit = p.Unit is { } u ? $" ({u})" : "";
        return $"{name.PadRight(13)} {p.TypeDescription}{unit}, {value}{range}. {p.Description}";
    }

    /// <summary>"losses", "layers".</summary>
    static string Plural(string noun) => noun.EndsWith('s') ? noun + "es" : noun + "s";
}
