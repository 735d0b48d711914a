using System.Collections.Immutable;

namespace NetScript.Hosting.Interactive;

/// <summary>A search as the REPL draws it, as of its latest event: what it searches, how many
/// of its <see cref="Total"/> trials finished, and those trials best first
/// (<see cref="Ranked"/>: completed ones by score in the search's direction, ties by trial
/// number, then pruned, then failed ones). Published anew per finished trial, like
/// <see cref="TrainingSnapshot"/>.</summary>
public sealed record SearchSnapshot(
    string Kind,
    string Metric,
    bool Maximize,
    ImmutableArray<string> Parameters,
    int Total,
    int Round,
    int Rounds,
    JobState State,
    ImmutableArray<TrialRow> Ranked)
{
    public int Finished => Ranked.Length;

    /// <summary>The best completed trial so far; null while none completed.</summary>
    public TrialRow? Best => Ranked.FirstOrDefault(r => r.Completed);

    /// <summary>Share of the trials finished, 0..1.</summary>
    public double Fraction => Total == 0 ? 0 : Math.Clamp(Finished / (double)Total, 0, 1);
}
