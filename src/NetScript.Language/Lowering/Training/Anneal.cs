namespace NetScript.Language.Lowering;

/// <summary>The shape of a one-cycle schedule's phases.</summary>
public enum Anneal
{
    Cos,
    Linear,
}
