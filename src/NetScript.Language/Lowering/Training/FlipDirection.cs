namespace NetScript.Language.Lowering;

/// <summary>Which way a flip mirrors an image.</summary>
public enum FlipDirection
{
    Horizontal,
    Vertical,
}
