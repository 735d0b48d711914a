namespace NetScript.Tests;

/// <summary>A fact that drives a terminal through tmux: skipped, with the reason, where tmux is
/// not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute() => Skip = Requirements.TmuxMissing;
}
