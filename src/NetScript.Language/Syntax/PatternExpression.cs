using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A layer pattern: a name with wildcards (<c>conv*</c>, <c>*_bn</c>, <c>dense?</c>)
/// and/or a position among the layers it matches (<c>dense:last</c>, <c>conv:1</c>,
/// <c>conv*:first</c>). Written without spaces; <c>*</c> matches any run of name characters,
/// <c>?</c> one character.</summary>
public sealed record PatternExpression(string Text, TextSpan Span) : Expression(Span)
{
    /// <summary>The part before <c>:</c>: <c>dense</c> in <c>dense:last</c>.</summary>
    public string Name => Text.IndexOf(':') is >= 0 and var colon ? Text[..colon] : Text;

    /// <summary>The part after <c>:</c> (<c>first</c>, <c>last</c> or a 1-based index), or null.</summary>
    public string? Position => Text.IndexOf(':') is >= 0 and var colon ? Text[(colon + 1)..] : null;
}
