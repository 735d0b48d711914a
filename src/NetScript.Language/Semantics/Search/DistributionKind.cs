namespace NetScript.Language.Semantics;

/// <summary>The distributions of a search block (grammar/reference/search.md).</summary>
public enum DistributionKind
{
    Uniform,
    LogUniform,
    Int,
    Choice,
}
