namespace NetScript.Runtime.Search;

/// <summary>Where a search's trials come from. <see cref="Next"/> returns the next batch of
/// trials to run given every finished trial so far (empty when the search is done). The
/// answer depends only on the plan and the finished trials' results — never on timing or on
/// where trials ran — so the same trials run whatever the parallelism, and a resumed search
/// proposes again exactly what it proposed before.</summary>
public interface ITrialSource
{
    /// <summary>How many trials the search runs in all.</summary>
    int Total { get; }

    IReadOnlyList<TrialSpec> Next(IReadOnlyDictionary<int, TrialResult> finished);
}
