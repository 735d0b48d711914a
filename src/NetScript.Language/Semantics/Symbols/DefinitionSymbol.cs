namespace NetScript.Language.Semantics;

/// <summary>A name a <c>loss</c>, <c>metric</c> or <c>layer</c> statement defines: a C# snippet
/// (<see cref="Snippet"/>) or a built-in with fixed arguments (<see cref="Builtin"/>).</summary>
public sealed record DefinitionSymbol(string Name, SnippetKind Kind, SnippetSource? Snippet, BoundArguments? Builtin, string DefinedAt)
{
    /// <summary>"loss", "metric" or "layer", as the statement's keyword.</summary>
    public string Noun => Kind.ToString().ToLowerInvariant();
}
