namespace NetScript.Language.Lowering;

/// <summary>GELU's <c>approximate</c> choice: the exact erf form or the tanh approximation.</summary>
public enum GeluApproximation
{
    None,
    Tanh,
}
