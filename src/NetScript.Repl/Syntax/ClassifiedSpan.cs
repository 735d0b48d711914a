namespace NetScript.Repl.Syntax;

/// <summary>A run of characters [Start, Start + Length) of one kind.</summary>
public readonly record struct ClassifiedSpan(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
}
