using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record LayerDefinition(BoundArguments Arguments, TextSpan Span)
{
    /// <summary>A <c>layer NAME = csharp { x =&gt; … }</c> used in the model: <see cref="Kind"/> is
    /// its name and <see cref="Arguments"/> are empty. Null for built-in layers.</summary>
    public SnippetSource? Snippet { get; init; }

    public string Kind => Arguments.Spec.Name;

    public override string ToString() => Snippet is { } snippet
        ? $"{Kind}(C# {snippet.Fingerprint})"
        : Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
}
