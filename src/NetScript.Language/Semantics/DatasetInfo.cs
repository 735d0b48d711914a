namespace NetScript.Language.Semantics;

/// <summary>What the checker knows about a dataset without loading it: the shape of one
/// sample's features, the number of classes (0 for a regression dataset, whose labels are
/// real-valued targets), and the row count when known.</summary>
public sealed record DatasetInfo(Shape Features, int Classes, long? Rows)
{
    public bool IsRegression => Classes == 0;

    /// <summary>The shape of one sample's target when targets are not class indices:
    /// real values (regression) or 0/1 per label (multi-label); null for class labels.</summary>
    public Shape? Targets { get; init; }
}
