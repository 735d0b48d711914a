using System.Diagnostics.CodeAnalysis;
using NetScript.Language.Text;
using Pidgin;

namespace NetScript.Language.Syntax;

/// <summary>Reads <c>{ … }</c> of a C# snippet verbatim, matching braces the way C# does
/// (<see cref="CSharpSnippetScanner"/>). A failure is reported at what is unterminated, with
/// a message SyntaxParser turns into NS0006/NS0007.</summary>
internal sealed class SnippetParser : Parser<char, SnippetText>
{
    public const string Unclosed = "unclosed snippet";

    public const string UnterminatedPrefix = "unterminated ";

    static readonly Expected<char> OpenBrace = new("`{`");

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, [MaybeNullWhen(false)] out SnippetText result)
    {
        result = default;
        int start = (int)state.Location;
        // The rest of the input: parses run on a string, so all of it is buffered already.
        ReadOnlySpan<char> rest = state.LookAhead(int.MaxValue / 2);
        if (rest.Length == 0 || rest[0] != '{')
        {
            state.SetError(rest.Length == 0 ? Maybe.Nothing<char>() : Maybe.Just(rest[0]), rest.Length == 0, state.Location, null);
            expecteds.Add(OpenBrace);
            return false;
        }
        CSharpSnippetScanner.Result scan = CSharpSnippetScanner.FindClose(rest, 0);
        if (!scan.Succeeded)
        {
            // A literal left open past the next statement line is more likely a `}` the snippet
            // never got: then the `{` is the mistake to show, and recovery resumes at that line.
            int nextStatement = NextStatementLine(start);
            bool local = scan.Problem is not null && start + scan.ProblemAt < nextStatement;
            string message = local ? UnterminatedPrefix + scan.Problem : Unclosed;
            state.SetError(Maybe.Nothing<char>(), false, local ? start + scan.ProblemAt : start, message);
            return false;
        }
        string code = rest[1..scan.Close].ToString();
        result = new SnippetText(code, new TextSpan(start + 1, code.Length), new TextSpan(start, scan.Close + 1));
        state.Advance(scan.Close + 1);
        return true;
    }

    /// <summary>The offset of the first line after <paramref name="from"/> that starts with a
    /// statement keyword in column 1 (end of text when none).</summary>
    static int NextStatementLine(int from)
    {
        if (ParseContext.Current is not { } context) return int.MaxValue;
        string text = context.Text;
        for (int i = text.IndexOfAny(['\n', '\r'], from); i >= 0 && i < text.Length; i = text.IndexOfAny(['\n', '\r'], i + 1))
        {
            if (RecoveryBoundary.StartsStatementLine(text, i + 1)) return i + 1;
        }
        return text.Length;
    }
}
