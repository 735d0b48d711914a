using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record LayerDefinition(BoundArguments Arguments, TextSpan Span)
{
    /// <summary>A <c>layer NAME = csharp { x =&gt; … }</c> used in the model: <see cref="Kind"/> is
    /// its name and <see cref="Arguments"/> are empty. Null for built-in layers.</summary>
    public SnippetSource? Snippet { get; init; }

    public string Kind => Arguments.Spec.Name;

    /// <summary>A residual block's branch, in order (chains joined); empty for other layers.
    /// <c>repeat</c> blocks never appear here: the checker unrolls them into copies.</summary>
    public ImmutableArray<LayerDefinition> Body { get; init; } = [];

    /// <summary>This layer and, for a residual block, every layer of its branch (depth first).</summary>
    public IEnumerable<LayerDefinition> Descendants() => Body.SelectMany(b => b.Descendants()).Prepend(this);

    public override string ToString()
    {
        string head = Snippet is { } snippet ? $"{Kind}(C# {snippet.Fingerprint})"
            : Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
        return Body.IsEmpty ? head : $"{head} {{ {string.Join(" -> ", Body)} }}";
    }
}
