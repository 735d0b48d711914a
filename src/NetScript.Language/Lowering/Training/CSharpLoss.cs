using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A <c>loss NAME = csharp { … }</c>; <see cref="PlanOperation.Kind"/> is its name.</summary>
public sealed record CSharpLoss(string Kind, SnippetUse Snippet) : LossSpec(Kind)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];

    private protected override string Text() => $"{Kind}(C# {Snippet.Source.Fingerprint})";
}
