using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

public sealed record ListValue(ImmutableArray<Value> Items) : Value
{
    public override string Describe() => "a list";
}
