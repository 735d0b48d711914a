namespace NetScript.Language.Semantics;

/// <summary>An expression form that is valid syntax but has no meaning where it appears
/// (e.g. a call or a quantity given to an integer argument); the binder reports it.</summary>
public sealed record UnsupportedValue(string What) : Value
{
    /// <summary>A number literal too large for a double (<c>1e999</c>): past every limit.</summary>
    public bool TooLarge { get; init; }

    public override string Describe() => What;
}
