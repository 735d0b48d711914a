using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record LayerDefinition(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    public override string ToString() => Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
}
