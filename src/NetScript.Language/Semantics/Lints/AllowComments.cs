using System.Text.RegularExpressions;
using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Silencing warnings per line with a comment (grammar/lints.md):
/// <code>
/// init zeros   # netscript: allow NS0501 — demonstrates the symmetry problem
/// # netscript: allow NS0502, NS0504
/// dense 100 -> sigmoid
/// </code>
/// After code, the comment covers its own line; alone on a line, it covers the next line of
/// code. The IDs (separated by blanks or commas) may be followed by a reason. Only warnings can
/// be silenced; an ID that is not a warning, or a directive that is not understood, is itself
/// a warning (NS0509) so a typo never silences nothing quietly.</summary>
internal static partial class AllowComments
{
    const string Verb = "allow";

    [GeneratedRegex(@"^#\s*netscript\s*:\s*(?<verb>[A-Za-z_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    [GeneratedRegex(@"[^\s,]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^NS\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    [GeneratedRegex(@"^NS\w*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdLike();

    /// <summary>The diagnostics of <paramref name="syntax"/>'s source without the warnings its
    /// allow comments silence (malformed comments are reported into <paramref name="diagnostics"/> first).</summary>
    public static IReadOnlyList<Diagnostic> Apply(ScriptSyntax syntax, DiagnosticBag diagnostics)
    {
        SourceText source = syntax.Source;
        List<SourceComment> comments = CommentScanner.Scan(syntax);
        var commentLines = comments.Where(c => c.OwnLine).Select(c => source.GetLocation(c.Offset).Line).ToHashSet();
        var allowed = new HashSet<(int Line, string Id)>();
        foreach (SourceComment comment in comments)
        {
            var ids = Parse(comment, diagnostics);
            if (ids.Count == 0) continue;
            int line = source.GetLocation(comment.Offset).Line;
            if (comment.OwnLine) line = NextCodeLine(source, line, commentLines);
            allowed.UnionWith(ids.Select(id => (line, id)));
        }
        return diagnostics.ToList()
            .Where(d => !(d.Severity == DiagnosticSeverity.Warning && d.Location is { } at && allowed.Contains((at.Line, d.Id))))
            .ToList();
    }

    /// <summary>The warning IDs a comment allows (none for an ordinary comment).</summary>
    static List<string> Parse(SourceComment comment, DiagnosticBag diagnostics)
    {
        var ids = new List<string>();
        Match directive = Directive().Match(comment.Text);
        if (!directive.Success) return ids;
        Group verb = directive.Groups["verb"];
        if (!verb.Value.Equals(Verb, StringComparison.OrdinalIgnoreCase))
        {
            // `# netscript: alow …` is a typo; `# netscript: the demo` is just prose.
            if (Suggestions.Closest(verb.Value, [Verb]) is not null && verb.Length > 0)
                Report(diagnostics, comment, verb.Index, verb.Length, $"unknown directive `{verb.Value}`; did you mean `{Verb}`?");
            return ids;
        }
        int end = verb.Index + verb.Length;
        foreach (Match word in Word().Matches(comment.Text[end..]))
        {
            string text = word.Value;
            int at = end + word.Index;
            if (!IdLike().IsMatch(text)) break; // the reason starts here
            if (!Id().IsMatch(text))
            {
                Report(diagnostics, comment, at, text.Length, $"`{text}` is not a diagnostic ID (they look like NS0503)");
                continue;
            }
            string id = text.ToUpperInvariant();
            DiagnosticDescriptor? descriptor = DiagnosticCatalog.All.FirstOrDefault(d => d.Id == id);
            if (descriptor is null)
                Report(diagnostics, comment, at, text.Length, $"there is no diagnostic {id}{Suggestions.DidYouMean(id, Warnings())}");
            else if (descriptor.Severity != DiagnosticSeverity.Warning)
                Report(diagnostics, comment, at, text.Length, $"{id} is {(descriptor.Severity == DiagnosticSeverity.Error ? "an error" : "a note")}; only warnings can be silenced");
            else
                ids.Add(id);
        }
        if (ids.Count == 0 && !Word().Matches(comment.Text[end..]).Any(w => IdLike().IsMatch(w.Value)))
            Report(diagnostics, comment, verb.Index, verb.Length, $"`{Verb}` needs the IDs of the warnings to silence, e.g. `# netscript: allow NS0503`");
        return ids;
    }

    static IEnumerable<string> Warnings() =>
        DiagnosticCatalog.All.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id);

    static void Report(DiagnosticBag diagnostics, SourceComment comment, int index, int length, string message) =>
        diagnostics.Report(DiagnosticCatalog.BadAllowComment, new TextSpan(comment.Offset + index, length), message);

    /// <summary>The first line after <paramref name="line"/> holding code (not blank, not only a comment).</summary>
    static int NextCodeLine(SourceText source, int line, HashSet<int> commentLines)
    {
        int next = line + 1;
        while (next <= source.LineCount && (commentLines.Contains(next) || string.IsNullOrWhiteSpace(source.GetLineText(next))))
            next++;
        return next;
    }
}
