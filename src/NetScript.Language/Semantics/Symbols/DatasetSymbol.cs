namespace NetScript.Language.Semantics;

/// <summary>A dataset or split known to the session. <see cref="Root"/> is the loaded dataset
/// it came from; <see cref="Preprocessed"/> says whether fitted preprocessing applies.</summary>
public sealed record DatasetSymbol(string Name, DatasetInfo Info, string Root, bool IsSplitPart, bool Preprocessed, string DefinedAt);
