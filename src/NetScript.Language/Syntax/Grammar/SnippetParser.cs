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
            string message = scan.Problem is { } problem ? UnterminatedPrefix + problem : Unclosed;
            state.SetError(Maybe.Nothing<char>(), false, start + scan.ProblemAt, message);
            return false;
        }
        string code = rest[1..scan.Close].ToString();
        result = new SnippetText(code, new TextSpan(start + 1, code.Length), new TextSpan(start, scan.Close + 1));
        state.Advance(scan.Close + 1);
        return true;
    }
}
