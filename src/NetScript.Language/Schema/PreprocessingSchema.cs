using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

public static class PreprocessingSchema
{
    public static readonly OperationSpec Standardize = OperationSpec.Create("standardize", Preprocessing,
        "Subtracts the mean and divides by the standard deviation of each feature, both computed on the fit split.",
        P.Num("eps", "Added to the standard deviation to avoid division by zero.", 1e-8, min: 0)) with
    {
        Example = "preprocess { standardize }",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [Standardize];
}
