using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Unknown names, explained: a name defined further down is "used before its
/// definition" (statements run in order), a name of the other kind says what it is, anything
/// else gets "did you mean".</summary>
internal sealed partial class Checker
{
    /// <summary>Where each dataset and model of this source is declared, in source order.</summary>
    ImmutableDictionary<string, ImmutableArray<(int Offset, string Kind)>> _declarations =
        ImmutableDictionary<string, ImmutableArray<(int Offset, string Kind)>>.Empty;

    void CollectDeclarations(ScriptSyntax syntax)
    {
        var declarations = new Dictionary<string, ImmutableArray<(int, string)>>(StringComparer.Ordinal);
        foreach (Statement statement in syntax.Statements)
        {
            string? kind = statement switch
            {
                LoadStatement or SplitStatement or KfoldStatement => "dataset",
                ModelStatement or EnsembleStatement or TransferStatement => "model",
                _ => null,
            };
            if (kind is null) continue;
            foreach (string name in SyntaxWalker.Declarations(statement))
                declarations[name] = declarations.GetValueOrDefault(name, []).Add((statement.Span.Start, kind));
        }
        _declarations = declarations.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Reports <paramref name="name"/> (used at <paramref name="span"/> where a
    /// <paramref name="kind"/> is expected) as not defined, in the most helpful words.</summary>
    void ReportUnknown(string name, TextSpan span, string kind, DiagnosticDescriptor unknown, IEnumerable<string> candidates)
    {
        if (_symbols.KindOf(name) is null && _declarations.TryGetValue(name, out var declared)
            && declared.FirstOrDefault(d => d.Offset > span.Start && d.Kind == kind) is { Kind: not null } later)
        {
            _diagnostics.Report(DiagnosticCatalog.UsedBeforeDefinition, span, kind, name, Where(new TextSpan(later.Offset, 0)));
            return;
        }
        string hint = _symbols.KindOf(name) is { } other && other != kind
            ? $"; `{name}` is a {other} (line {_symbols.DefinedAt(name)})" + (other == FoldsSymbol.Kind ? $", which only `train MODEL on {name}` takes" : "")
            : Suggestions.DidYouMean(name, candidates);
        _diagnostics.Report(unknown, span, name, hint);
    }
}
