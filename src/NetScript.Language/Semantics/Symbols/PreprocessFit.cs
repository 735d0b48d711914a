namespace NetScript.Language.Semantics;

/// <summary>The rows a `preprocess` statement fitted its statistics on: the dataset
/// <see cref="FitOn"/> as it was then, and the line of the statement.</summary>
public sealed record PreprocessFit(string FitOn, DatasetLineage Lineage, string DefinedAt);
