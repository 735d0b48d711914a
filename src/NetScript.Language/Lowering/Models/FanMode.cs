namespace NetScript.Language.Lowering;

/// <summary>Which fan an init's variance divides by.</summary>
public enum FanMode
{
    FanAvg,
    FanIn,
    FanOut,
}
