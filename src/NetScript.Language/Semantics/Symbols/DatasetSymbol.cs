namespace NetScript.Language.Semantics;

/// <summary>A dataset or split known to the session. <see cref="Root"/> is the loaded dataset
/// it came from; <see cref="Preprocessed"/> says whether fitted preprocessing applies.</summary>
public sealed record DatasetSymbol(string Name, DatasetInfo Info, string Root, bool IsSplitPart, bool Preprocessed, string DefinedAt)
{
    DatasetLineage? _lineage;

    /// <summary>Which rows it holds, for the leak check of preprocessing (NS0401).</summary>
    public DatasetLineage Lineage
    {
        get => _lineage ?? DatasetLineage.Loaded(Name, DefinedAt);
        init => _lineage = value;
    }
}
