namespace NetScript.Language.Syntax;

/// <summary>Finds the <c>}</c> that closes a <c>csharp {</c> snippet by reading the C# lexically:
/// braces inside strings (regular, verbatim <c>@"…"</c>, raw <c>"""…"""</c>, interpolated
/// <c>$"…{x}…"</c> with their holes), character literals and comments do not count. Iterative
/// (an explicit stack), so any nesting depth is safe.</summary>
public static class CSharpSnippetScanner
{
    /// <summary>The outcome of a scan: <see cref="Close"/> is the offset of the closing brace,
    /// or -1 with <see cref="Problem"/> describing what is unterminated and
    /// <see cref="ProblemAt"/> where it starts.</summary>
    public readonly record struct Result(int Close, string? Problem, int ProblemAt)
    {
        public bool Succeeded => Close >= 0;
    }

    // A frame is either code (braces counted) or the literal text of an interpolated string.
    enum FrameKind { Code, Interpolated }

    struct Frame
    {
        public FrameKind Kind;
        public int Depth;        // Code: open braces in this frame
        public int HoleBraces;   // Code inside a raw hole: extra `}` that close it ($$"""…{{x}}…""")
        public bool Verbatim;    // Interpolated: @ or raw (no escapes, may span lines)
        public int Quotes;       // Interpolated: 1 for "…", n ≥ 3 for raw
        public int Dollars;      // Interpolated: braces that open a hole in a raw string
        public int Start;        // where the string (or snippet) starts, for errors
    }

    /// <summary>Scans <paramref name="text"/> whose character at <paramref name="open"/> is the
    /// snippet's <c>{</c>.</summary>
    public static Result FindClose(ReadOnlySpan<char> text, int open)
    {
        var stack = new Stack<Frame>();
        stack.Push(new Frame { Kind = FrameKind.Code, Depth = 1, Start = open });
        int i = open + 1;
        while (i < text.Length)
        {
            Frame top = stack.Pop();
            if (top.Kind == FrameKind.Interpolated)
            {
                int next = ScanInterpolated(text, i, ref top, stack, out Result? failure);
                if (failure is { } f) return f;
                i = next;
                continue;
            }

            char c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
                stack.Push(top);
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                if (end < 0) return new Result(-1, "comment", i);
                i += end + 4;
                stack.Push(top);
                continue;
            }
            if (c == '\'')
            {
                int end = SkipCharLiteral(text, i);
                if (end < 0) return new Result(-1, "character literal", i);
                i = end;
                stack.Push(top);
                continue;
            }
            if (c is '"' or '@' or '$' && StringStart(text, i) is { } literal)
            {
                stack.Push(top);
                if (literal.Interpolated)
                {
                    stack.Push(new Frame
                    {
                        Kind = FrameKind.Interpolated, Verbatim = literal.Verbatim || literal.Quotes >= 3,
                        Quotes = literal.Quotes, Dollars = literal.Dollars, Start = i,
                    });
                    i = literal.ContentStart;
                    continue;
                }
                int end = SkipPlainString(text, literal);
                if (end < 0) return new Result(-1, Describe(literal), i);
                i = end;
                continue;
            }
            if (c == '{')
            {
                top.Depth++;
            }
            else if (c == '}')
            {
                top.Depth--;
                if (top.Depth == 0)
                {
                    if (stack.Count == 0) return new Result(i, null, -1);
                    // The end of an interpolation hole: back to the string's text.
                    i += 1 + Math.Max(0, Math.Min(top.HoleBraces, CountRun(text, i + 1, '}')));
                    continue;
                }
            }
            stack.Push(top);
            i++;
        }
        Frame unfinished = stack.Pop();
        return unfinished.Kind == FrameKind.Interpolated || stack.Count > 0 && stack.Peek().Kind == FrameKind.Interpolated
            ? new Result(-1, "interpolated string", unfinished.Kind == FrameKind.Interpolated ? unfinished.Start : stack.Peek().Start)
            : new Result(-1, null, open);
    }

    /// <summary>Advances through the literal text of an interpolated string: returns where to
    /// continue, having pushed the string back plus a code frame when a hole opens.</summary>
    static int ScanInterpolated(ReadOnlySpan<char> text, int i, ref Frame frame, Stack<Frame> stack, out Result? failure)
    {
        failure = null;
        while (i < text.Length)
        {
            char c = text[i];
            if (frame.Quotes >= 3)
            {
                if (c == '"' && CountRun(text, i, '"') >= frame.Quotes) return i + CountRun(text, i, '"');
                if (c == '{')
                {
                    int run = CountRun(text, i, '{');
                    if (run >= frame.Dollars)
                    {
                        stack.Push(frame);
                        stack.Push(new Frame { Kind = FrameKind.Code, Depth = 1, HoleBraces = frame.Dollars - 1, Start = i });
                        return i + run;
                    }
                    i += run;
                    continue;
                }
                i++;
                continue;
            }
            if (!frame.Verbatim && c == '\\')
            {
                i += 2;
                continue;
            }
            if (!frame.Verbatim && c is '\n' or '\r') break;
            if (c == '"')
            {
                if (frame.Verbatim && i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c is '{' or '}' && i + 1 < text.Length && text[i + 1] == c)
            {
                i += 2;
                continue;
            }
            if (c == '{')
            {
                stack.Push(frame);
                stack.Push(new Frame { Kind = FrameKind.Code, Depth = 1, Start = i });
                return i + 1;
            }
            i++;
        }
        failure = new Result(-1, "interpolated string", frame.Start);
        return i;
    }

    readonly record struct Literal(bool Interpolated, bool Verbatim, int Quotes, int Dollars, int ContentStart);

    /// <summary>Recognises the start of a string literal at <paramref name="i"/>: any mix of
    /// <c>$</c> and one <c>@</c>, then a run of quotes. Null when it is not one (an <c>@</c> of a
    /// keyword-escaped identifier, a lone <c>$</c>).</summary>
    static Literal? StringStart(ReadOnlySpan<char> text, int i)
    {
        int dollars = 0;
        bool verbatim = false;
        int j = i;
        while (j < text.Length && (text[j] == '$' || text[j] == '@' && !verbatim))
        {
            if (text[j] == '$') dollars++;
            else verbatim = true;
            j++;
        }
        if (j >= text.Length || text[j] != '"') return null;
        int quotes = CountRun(text, j, '"');
        if (quotes == 2) return new Literal(false, verbatim, 2, dollars, j + 2); // "" is an empty string
        if (quotes >= 3 && !verbatim) return new Literal(dollars > 0, true, quotes, dollars, j + quotes);
        return new Literal(dollars > 0, verbatim, 1, Math.Max(1, dollars), j + 1);
    }

    /// <summary>Skips a string without holes; returns the offset after it, or -1 if unterminated.</summary>
    static int SkipPlainString(ReadOnlySpan<char> text, Literal literal)
    {
        if (literal.Quotes == 2) return literal.ContentStart;
        int i = literal.ContentStart;
        if (literal.Quotes >= 3)
        {
            while (i < text.Length)
            {
                int run = text[i] == '"' ? CountRun(text, i, '"') : 0;
                if (run >= literal.Quotes) return i + run;
                i += Math.Max(1, run);
            }
            return -1;
        }
        while (i < text.Length)
        {
            char c = text[i];
            if (literal.Verbatim)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { i += 2; continue; }
                    return i + 1;
                }
            }
            else
            {
                if (c == '\\') { i += 2; continue; }
                if (c == '"') return i + 1;
                if (c is '\n' or '\r') return -1;
            }
            i++;
        }
        return -1;
    }

    /// <summary>'x', '\'', '\u0041', '{' — returns the offset after it, or -1.</summary>
    static int SkipCharLiteral(ReadOnlySpan<char> text, int i)
    {
        int j = i + 1;
        if (j < text.Length && text[j] == '\\') j += 2;
        else j++;
        // \u0041 and \x41 escapes run on until the closing quote.
        while (j < text.Length && j - i <= 10 && text[j] != '\'' && text[j] != '\n' && text[j] != '\r') j++;
        return j < text.Length && text[j] == '\'' ? j + 1 : -1;
    }

    static int CountRun(ReadOnlySpan<char> text, int i, char c)
    {
        int n = 0;
        while (i + n < text.Length && text[i + n] == c) n++;
        return n;
    }

    static string Describe(Literal literal) =>
        literal.Quotes >= 3 ? "raw string" : literal.Verbatim ? "verbatim string" : "string";
}
