using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record LayerDefinition(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    /// <summary>A residual block's branch, in order (chains joined); empty for other layers.
    /// <c>repeat</c> blocks never appear here: the checker unrolls them into copies.</summary>
    public ImmutableArray<LayerDefinition> Body { get; init; } = [];

    public override string ToString()
    {
        string head = Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
        return Body.IsEmpty ? head : $"{head} {{ {string.Join(" -> ", Body)} }}";
    }
}
