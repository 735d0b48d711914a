using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>The built-in dataset catalog (<c>load dataset "name" …</c>): arguments of each
/// entry. NetScript.Data implements them.</summary>
public static class DatasetCatalogSchema
{
    public static readonly OperationSpec Spiral = OperationSpec.Create("spiral", Dataset,
        "The classic 2-D spiral (CS231n): `classes` interleaved arms, not linearly separable; generated from the seed.",
        Parameter.Int("classes", "Number of arms (classes).", 3, min: 2, max: 100),
        Parameter.Int("points", "Points per class.", 100, min: 2, max: 1_000_000),
        Parameter.Num("noise", "Standard deviation of the angular noise.", 0.2, min: 0),
        Parameter.Int("seed", "Seed of the generator; defaults to the session seed.", min: 0, max: Limits.Seed)) with
    {
        Example = "load dataset \"spiral\" classes=3 points=200 as spiral",
    };

    public static readonly OperationSpec FashionMnist = OperationSpec.Create("fashion-mnist", Dataset,
        "Fashion-MNIST (Zalando): 28×28 greyscale clothing images in 10 classes, samples [1, 28, 28] with pixels 0–255 "
        + "(add `scale 1/255`). From the Debian package dataset-fashion-mnist; the first load converts the split to a "
        + "Parquet cache (~/.cache/netscript, or $NETSCRIPT_CACHE_DIR).",
        Parameter.Choice("split", "60,000 training or 10,000 test images.", "train", "train", "test").AsPositional(),
        Parameter.Ints("classes", "Keep only these classes (ids 0–9), relabelled 0 … K−1 in the order listed: `classes=[5, 6, 7, 8, 9]` makes class 5 label 0.", min: 0, max: 9),
        Parameter.Int("per_class", "Keep this many images of each class, drawn at random with the session seed (a stratified subsample; each split has 6,000 or 1,000 per class).", min: 1, max: 6_000)) with
    {
        Example = "load dataset \"fashion-mnist\" split=test classes=[5, 6, 7, 8, 9] per_class=100 as test",
    };

    public static readonly OperationSpec Outliers = OperationSpec.Create("outliers", Dataset,
        "A small regression table (data/outliers.parquet): 120 points of y = 1.5·x + 0.5 plus noise, 12 of them gross "
        + "outliers — for robust losses against squared error. Samples [1], real-valued targets.") with
    {
        Example = "load dataset \"outliers\" as points",
    };

    public static readonly OperationSpec Blobs = OperationSpec.Create("blobs", Dataset,
        "A small classification table (data/blobs.parquet): 200 rows, 4 classes, 4 features on very different scales "
        + "(standardizing matters).") with
    {
        Example = "load dataset \"blobs\" as table",
    };

    public static readonly OperationSpec Gaussian = OperationSpec.Create("gaussian", Dataset,
        "Unit-Gaussian samples: `rows` vectors of `features` values drawn from N(0, 1), each with a random label among "
        + "`classes` — input with a known scale, for watching activations through the layers at initialisation "
        + "(docs/guide.md#initialisation). Generated from the seed.",
        Parameter.Int("features", "Values per sample.", 500, min: 1, max: 100_000),
        Parameter.Int("rows", "Number of samples.", 1000, min: 1, max: 1_000_000),
        Parameter.Int("classes", "Number of (random) labels.", 10, min: 2, max: 1000)) with
    {
        Example = "load dataset \"gaussian\" features=500 rows=1000 as noise",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [Spiral, FashionMnist, Outliers, Blobs, Gaussian];
}
