using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A <c>layer NAME = csharp { x =&gt; … }</c> used in a model; <see cref="PlanOperation.Kind"/> is its name.</summary>
public sealed record CSharpLayer(string Kind, SnippetSource Snippet) : LayerOperation(Kind)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];

    private protected override string Text() => $"{Kind}(C# {Snippet.Fingerprint})";
}
