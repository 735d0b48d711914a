namespace NetScript.Language.Semantics;

public sealed record StringValue(string Text) : Value
{
    public override string Describe() => $"the string \"{Text}\"";
}
