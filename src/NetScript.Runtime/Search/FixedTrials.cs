namespace NetScript.Runtime.Search;

/// <summary>`grid` and `random`: every trial is planned up front (<see cref="TrialPlanner"/>).</summary>
public sealed class FixedTrials(IReadOnlyList<TrialSpec> trials) : ITrialSource
{
    public int Total => trials.Count;

    public IReadOnlyList<TrialSpec> Next(IReadOnlyDictionary<int, TrialResult> finished) =>
        [.. trials.Where(t => !finished.ContainsKey(t.Id))];
}
