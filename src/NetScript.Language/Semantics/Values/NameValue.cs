namespace NetScript.Language.Semantics;

/// <summary>A bare word: a symbol, a choice or a flag.</summary>
public sealed record NameValue(string Name) : Value
{
    public override string Describe() => $"`{Name}`";
}
