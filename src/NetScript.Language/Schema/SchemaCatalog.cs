namespace NetScript.Language.Schema;

/// <summary>Lookup over every schema table, by category and name.</summary>
public static class SchemaCatalog
{
    public static IReadOnlyList<OperationSpec> In(OperationCategory category) => category switch
    {
        OperationCategory.Statement => StatementSchema.All,
        OperationCategory.Dataset => DatasetCatalogSchema.All,
        OperationCategory.Layer => LayerSchema.All,
        OperationCategory.Preprocessing => PreprocessingSchema.All,
        OperationCategory.Optimizer => OptimizerSchema.All,
        OperationCategory.Loss => LossSchema.All,
        OperationCategory.Search => SearchSchema.Kinds,
        OperationCategory.Distribution => SearchSchema.Distributions,
        OperationCategory.Augmentation => AugmentationSchema.All,
        OperationCategory.Init => InitSchema.All,
        OperationCategory.Schedule => ScheduleSchema.All,
        OperationCategory.Regularizer => RegularizationSchema.All,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static OperationSpec? Find(OperationCategory category, string name) =>
        In(category).FirstOrDefault(o => o.Name == name);

    public static IEnumerable<string> Names(OperationCategory category) => In(category).Select(o => o.Name);

    /// <summary>How a category is named in messages ("unknown layer `x`").</summary>
    public static string Noun(OperationCategory category) => category switch
    {
        OperationCategory.Statement => "statement",
        OperationCategory.Dataset => "catalog dataset",
        OperationCategory.Layer => "layer",
        OperationCategory.Preprocessing => "preprocessing step",
        OperationCategory.Optimizer => "optimizer",
        OperationCategory.Loss => "loss",
        OperationCategory.Search => "search kind",
        OperationCategory.Distribution => "distribution",
        OperationCategory.Augmentation => "augmentation",
        OperationCategory.Init => "init",
        OperationCategory.Schedule => "schedule",
        OperationCategory.Regularizer => "regularization setting",
        _ => category.ToString().ToLowerInvariant(),
    };
}
