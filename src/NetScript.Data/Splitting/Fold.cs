namespace NetScript.Data;

/// <summary>One fold of k-fold cross-validation: row indices to train on and to validate on.</summary>
public sealed record Fold(long[] Train, long[] Validation);
