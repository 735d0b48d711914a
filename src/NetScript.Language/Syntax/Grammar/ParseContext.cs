using Pidgin;

namespace NetScript.Language.Syntax;

/// <summary>What a parse in progress knows besides the parser state: the text (recovery scans
/// it for boundaries) and the errors block items recovered from (block parsers are static,
/// so they record here and SyntaxParser reports them). One per thread, set by
/// <see cref="SyntaxParser.Parse"/> for its duration.</summary>
internal sealed class ParseContext
{
    [ThreadStatic]
    static ParseContext? t_current;

    ParseContext(string text) => Text = text;

    public static ParseContext? Current => t_current;

    public string Text { get; }

    /// <summary>Each item that failed: where it started and why.</summary>
    public List<(int ItemStart, ParseError<char> Error)> ItemErrors { get; } = new();

    public static Scope Enter(string text)
    {
        var previous = t_current;
        t_current = new ParseContext(text);
        return new Scope(previous);
    }

    public readonly struct Scope(ParseContext? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
