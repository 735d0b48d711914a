namespace NetScript.Language.Semantics;

/// <summary>What a <c>csharp { … }</c> snippet defines, which fixes the delegate it compiles to.</summary>
public enum SnippetKind
{
    /// <summary><c>(pred, target) =&gt; scalar</c>, differentiable in <c>pred</c>.</summary>
    Loss,

    /// <summary><c>(pred, target) =&gt; scalar</c>, reported, never differentiated.</summary>
    Metric,

    /// <summary><c>x =&gt; y</c>, a parameter-free function layer in a model chain.</summary>
    Layer,
}
