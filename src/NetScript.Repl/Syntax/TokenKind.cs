namespace NetScript.Repl.Syntax;

/// <summary>What a piece of input is, for colouring.</summary>
public enum TokenKind
{
    Keyword,
    Operation,
    Parameter,
    Symbol,
    Number,
    String,
    Comment,
    Punctuation,
    Command,
}
