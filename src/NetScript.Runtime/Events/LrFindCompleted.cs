using NetScript.Language.Lowering;

namespace NetScript.Runtime.Events;

/// <summary>A range test finished: the suggested rate (by <see cref="Rule"/>), the rate of the
/// lowest smoothed loss, the rate whose loss diverged (null when every planned rate was tried)
/// and how many rates it tried. The suggestion is reported, not applied.</summary>
public sealed record LrFindCompleted(string Model, string Data, double Suggested, double Minimum, double? DivergedAt, int Tried, int Planned) : RunEvent
{
    public LrSuggestion Rule { get; init; } = LrSuggestion.Valley;

    /// <summary>lr_mult of a transferred model whose pretrained layers moved at lr_mult × the tested rate (null: one rate for all).</summary>
    public double? PretrainedFactor { get; init; }

    public string? Plot { get; init; }
}
