using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Steps of <c>augment { … }</c> (inside <c>regularize</c>): random transformations of
/// each training batch of images [C, H, W], drawn from the session's seeded generator and
/// applied only while training. NetScript.Data implements them (Augmentation/); each keeps
/// the sample shape, so validation data needs no matching change.</summary>
public static class AugmentationSchema
{
    static ParameterSpec Probability(string what, double @default) =>
        Parameter.Num("p", $"Probability that an image {what}.", @default, min: 0, max: 1);

    static ParameterSpec Size(string what) =>
        Parameter.Int("size", $"Side of the {what}; defaults to the image size, the only size that matches un-augmented validation data.", min: 1).AsPositional();

    public static readonly OperationSpec Flip = OperationSpec.Create("flip", Augmentation,
        "Mirrors images: `horizontal` (left–right, right for most natural images) or `vertical`.",
        Parameter.Choice("direction", "Which way to mirror.", "horizontal", "horizontal", "vertical").AsPositional(),
        Probability("is flipped", 0.5)) with
    {
        Example = "regularize cnn { augment { flip horizontal } }",
    };

    public static readonly OperationSpec Crop = OperationSpec.Create("crop", Augmentation,
        "Random crop with padding: pads each image with `pad` pixels on every side, then cuts a random size×size window "
        + "(a random shift of up to `pad` pixels). `mode` picks the padding: `zeros`, `edge` (copies of the border pixel) or "
        + "`reflect` (the image mirrored). Augmentation sees preprocessed images: after `standardize`, zeros are the mean "
        + "colour, not black; `edge` keeps a plain background plain.",
        Size("window"),
        Parameter.Int("pad", "Pixels added on each side before cropping.", 4, min: 0),
        Parameter.Choice("mode", "What the padding holds: `zeros`, copies of the nearest border pixel (`edge`), or the image mirrored at its border (`reflect`, needs pad < the image side).",
            "zeros", "zeros", "edge", "reflect")) with
    {
        Example = "regularize cnn { augment { crop 28 pad=2 mode=edge } }",
    };

    public static readonly OperationSpec ResizedCrop = OperationSpec.Create("resized_crop", Augmentation,
        "Random resized crop (Inception): cuts a window covering a random fraction of the image area with a random aspect "
        + "ratio, and resizes it (bilinear) back to size×size — scale augmentation.",
        Size("output"),
        Parameter.Num("scale_min", "Smallest fraction of the image area a window covers.", 0.08, min: 0, max: 1, minExclusive: true),
        Parameter.Num("scale_max", "Largest fraction of the image area a window covers.", 1.0, min: 0, max: 1, minExclusive: true),
        Parameter.Num("ratio_min", "Smallest aspect ratio (width / height), drawn log-uniformly.", 0.75, min: 0, minExclusive: true),
        Parameter.Num("ratio_max", "Largest aspect ratio (width / height).", 4.0 / 3, min: 0, minExclusive: true)) with
    {
        Example = "regularize cnn { augment { resized_crop scale_min=0.5 } }",
    };

    public static readonly OperationSpec Jitter = OperationSpec.Create("jitter", Augmentation,
        "Colour jitter: multiplies brightness by a factor in [1 − brightness, 1 + brightness] and scales contrast around "
        + "each image's mean by a factor in [1 − contrast, 1 + contrast]; values stay within the training data's range.",
        Parameter.Num("brightness", "Largest relative brightness change.", 0.4, min: 0, max: 1),
        Parameter.Num("contrast", "Largest relative contrast change.", 0.4, min: 0, max: 1)) with
    {
        Example = "regularize cnn { augment { jitter brightness=0.2 contrast=0.2 } }",
    };

    public static readonly OperationSpec PcaNoise = OperationSpec.Create("pca_noise", Augmentation,
        "AlexNet's PCA colour noise: adds to every pixel Σᵢ αᵢ·√λᵢ·uᵢ, with uᵢ, λᵢ the principal components of the training "
        + "pixels' channel covariance and αᵢ ~ N(0, std²) drawn per image.",
        Parameter.Num("std", "Standard deviation of the per-image factors α (AlexNet: 0.1).", 0.1, min: 0)) with
    {
        Example = "regularize cnn { augment { pca_noise std=0.1 } }",
    };

    public static readonly OperationSpec Cutout = OperationSpec.Create("cutout", Augmentation,
        "Cutout (DeVries & Taylor): sets a size×size square at a random centre (it may stick out of the image) to `value`.",
        Parameter.Int("size", "Side of the square.", min: 1).AsPositional().AsRequired(),
        Probability("gets a square", 1.0),
        Parameter.Num("value", "Fill value (0 is the mean after zero-centering).", 0.0)) with
    {
        Example = "regularize cnn { augment { cutout 8 } }",
    };

    public static readonly OperationSpec Erase = OperationSpec.Create("erase", Augmentation,
        "Random erasing (Zhong et al.): with probability p, fills a random rectangle covering `area_min`–`area_max` of the "
        + "image, with aspect ratio between `ratio_min` and `ratio_max`, with `value`.",
        Probability("gets a rectangle", 0.5),
        Parameter.Num("area_min", "Smallest fraction of the image area erased.", 0.02, min: 0, max: 1, minExclusive: true),
        Parameter.Num("area_max", "Largest fraction of the image area erased.", 0.33, min: 0, max: 1, minExclusive: true),
        Parameter.Num("ratio_min", "Smallest aspect ratio (height / width), drawn log-uniformly.", 0.3, min: 0, minExclusive: true),
        Parameter.Num("ratio_max", "Largest aspect ratio.", 3.3, min: 0, minExclusive: true),
        Parameter.Num("value", "Fill value.", 0.0)) with
    {
        Example = "regularize cnn { augment { erase p=0.5 } }",
    };

    public static readonly OperationSpec RandAugment = OperationSpec.Create("randaugment", Augmentation,
        "RandAugment (Cubuk et al.): applies `n` operations chosen uniformly per image from identity, auto-contrast, brightness, "
        + "colour, contrast, sharpness, posterize, solarize, rotate, shear x/y and translate x/y, all at magnitude `m` of 30 "
        + "(signed operations take a random sign). Histogram equalisation is not included.",
        Parameter.Int("n", "Operations per image.", 2, min: 1, max: 10),
        Parameter.Int("m", "Magnitude, 0 (none) to 30 (strongest).", 9, min: 0, max: 30)) with
    {
        Example = "regularize cnn { augment { randaugment n=2 m=9 } }",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [Flip, Crop, ResizedCrop, Jitter, PcaNoise, Cutout, Erase, RandAugment];
}
