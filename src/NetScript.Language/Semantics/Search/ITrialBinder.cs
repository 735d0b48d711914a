namespace NetScript.Language.Semantics;

/// <summary>The seam between a search and the statements it repeats: bind values to the
/// `$name`s and get a checked, runnable program. The runtime never sees syntax.</summary>
public interface ITrialBinder
{
    TrialBinding Bind(IReadOnlyDictionary<string, Value> values);
}
