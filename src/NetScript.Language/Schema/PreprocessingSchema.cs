using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Steps of <c>preprocess { … }</c>. Each is fitted on the fit split only and applied to
/// every dataset; <c>pca</c> flattens samples to [k], the others keep the sample shape.</summary>
public static class PreprocessingSchema
{
    static readonly string[] Scopes = ["per_feature", "mean_image", "per_channel", "global"];

    static ParameterSpec Over(string verb) => Parameter.Choice("over",
        $"What one statistic covers: `per_feature` (each feature; for images the mean image, as AlexNet), `mean_image` (the same, "
        + $"by its image name), `per_channel` (each channel of [C, H, W] samples, as VGG and ResNet) or `global` (one value {verb}).",
        "per_feature", Scopes).AsPositional();

    public static readonly OperationSpec ZeroCenter = OperationSpec.Create("zero_center", Preprocessing,
        "Subtracts the fit split's mean (the notes' X -= np.mean(X, axis=0)), so inputs are not all positive.",
        Over("for all values")) with
    {
        Example = "preprocess { zero_center per_channel }",
    };

    public static readonly OperationSpec Standardize = OperationSpec.Create("standardize", Preprocessing,
        "Subtracts the mean and divides by the standard deviation (population), both computed on the fit split: (x − μ) / (σ + eps).",
        Over("for all values"),
        Parameter.Num("eps", "Added to the standard deviation to avoid division by zero.", 1e-8, min: 0)) with
    {
        Example = "preprocess { standardize per_channel }",
    };

    public static readonly OperationSpec MinMax = OperationSpec.Create("minmax", Preprocessing,
        "Scales linearly so the fit split's minimum and maximum map to `low` and `high` (a constant feature maps to `low`).",
        Over("for all values"),
        Parameter.Num("low", "Value of the minimum.", -1.0),
        Parameter.Num("high", "Value of the maximum; must exceed `low`.", 1.0)) with
    {
        Example = "preprocess { minmax }",
    };

    public static readonly OperationSpec Scale = OperationSpec.Create("scale", Preprocessing,
        "Multiplies by a constant, e.g. 1/255 to bring 8-bit pixels to [0, 1]; nothing is fitted.",
        Parameter.Num("factor", "The multiplier.").AsPositional().AsRequired()) with
    {
        Example = "preprocess { scale 1/255 }",
    };

    public static readonly OperationSpec Pca = OperationSpec.Create("pca", Preprocessing,
        "Principal component analysis: centers, flattens and projects samples onto the fit split's k leading eigenvectors "
        + "(samples become [k], decorrelated, largest variance first). With `whiten`, each component is divided by √(λ + eps) "
        + "so the covariance becomes the identity (whitening amplifies noise in small components; a larger eps smooths it).",
        Parameter.Int("k", "Components to keep; defaults to all (a rotation that only decorrelates).", min: 1).AsPositional(),
        Parameter.Flag("whiten", "Scale each component to unit variance."),
        Parameter.Num("eps", "Added to each eigenvalue before the square root when whitening.", 1e-5, min: 0)) with
    {
        Example = "preprocess { scale 1/255; pca 64 whiten }",
    };

    public static readonly OperationSpec Zca = OperationSpec.Create("zca", Preprocessing,
        "ZCA whitening: x' = (x − μ)·U·diag(1/√(λ + eps))·Uᵀ with the fit split's covariance eigenvectors U. The covariance "
        + "becomes ≈ identity while samples keep their shape and orientation (images still look like images).",
        Parameter.Num("eps", "Added to each eigenvalue; larger values whiten less and amplify less noise.", 1e-5, min: 0)) with
    {
        Example = "preprocess { scale 1/255; zca eps=0.1 }",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [ZeroCenter, Standardize, MinMax, Scale, Pca, Zca];
}
