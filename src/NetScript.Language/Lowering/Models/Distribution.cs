namespace NetScript.Language.Lowering;

/// <summary>What an init draws from: a normal or a uniform distribution of the same variance.</summary>
public enum Distribution
{
    Normal,
    Uniform,
}
