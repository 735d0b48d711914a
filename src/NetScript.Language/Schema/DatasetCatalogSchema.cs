using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>The built-in dataset catalog (<c>load dataset "name" …</c>): arguments of each
/// entry. NetScript.Data implements them.</summary>
public static class DatasetCatalogSchema
{
    public static readonly OperationSpec Spiral = OperationSpec.Create("spiral", Dataset,
        "The classic 2-D spiral (CS231n): `classes` interleaved arms, not linearly separable; generated from the seed.",
        P.Int("classes", "Number of arms (classes).", 3, min: 2, max: 100),
        P.Int("points", "Points per class.", 100, min: 2, max: 1_000_000),
        P.Num("noise", "Standard deviation of the angular noise.", 0.2, min: 0),
        P.Int("seed", "Seed of the generator; defaults to the session seed.", min: 0)) with
    {
        Example = "load dataset \"spiral\" classes=3 points=200 as spiral",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [Spiral];
}
