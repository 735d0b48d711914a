namespace NetScript.Language.Semantics;

public enum SnippetTargetKind
{
    /// <summary>Classification: int64 class indices of shape (B), values in [0, classes).</summary>
    ClassIndices,

    /// <summary>Regression: float32 values of shape (B, …).</summary>
    Values,
}
