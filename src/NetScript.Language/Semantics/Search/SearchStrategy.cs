namespace NetScript.Language.Semantics;

/// <summary>The kinds of `search` (grammar/reference/search.md).</summary>
public enum SearchStrategy
{
    Grid,
    Random,
    Bayes,
    CoarseToFine,
}
