namespace NetScript.Language.Semantics;

/// <summary>One step of a <see cref="DatasetLineage"/>: a dataset's name and the line that
/// defined it (as <see cref="DatasetSymbol.DefinedAt"/> writes it).</summary>
public sealed record LineageLink(string Name, string DefinedAt);
