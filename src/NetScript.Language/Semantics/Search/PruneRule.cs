namespace NetScript.Language.Semantics;

/// <summary>`prune=` of a search: stop trailing trials early, or not.</summary>
public enum PruneRule
{
    None,
    Asha,
    Median,
}
