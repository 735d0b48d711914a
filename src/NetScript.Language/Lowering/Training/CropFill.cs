namespace NetScript.Language.Lowering;

/// <summary>What a crop's padding holds: zeros, copies of the nearest border pixel, or the image mirrored.</summary>
public enum CropFill
{
    Zeros,
    Edge,
    Reflect,
}
