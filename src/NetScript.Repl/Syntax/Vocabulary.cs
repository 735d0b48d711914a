using System.Collections.Frozen;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Repl.Syntax;

/// <summary>The words of the language as the parser and the schema define them: statement
/// keywords, operation names (layers, optimizers, …) and argument names. Read from the
/// language assembly, so the REPL learns new statements without a change here.</summary>
public static class Vocabulary
{
    static readonly OperationCategory[] OperationCategories =
        Enum.GetValues<OperationCategory>().Where(c => c != OperationCategory.Statement).ToArray();

    /// <summary>Contextual keywords inside statements (`load … as x`, `train m on d`).</summary>
    public static FrozenSet<string> ContextualKeywords => SyntaxFacts.ContextualKeywords;

    /// <summary>Statement keywords, sorted (completion lists them in this order).</summary>
    public static IReadOnlyList<string> Statements { get; } = SyntaxFacts.StatementKeywords.Order(StringComparer.Ordinal).ToArray();

    public static FrozenSet<string> Operations { get; } = OperationCategories
        .SelectMany(SchemaCatalog.Names).ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Parameters { get; } = Enum.GetValues<OperationCategory>()
        .SelectMany(SchemaCatalog.In).SelectMany(o => o.Parameters).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The schema entry a statement keyword or operation name describes, for `:help`.</summary>
    public static OperationSpec? Find(string name) =>
        Enum.GetValues<OperationCategory>().Select(c => SchemaCatalog.Find(c, name)).FirstOrDefault(o => o is not null);

}
