namespace NetScript.Runtime.Training;

/// <summary>A fitted preprocessing step's statistics (from NetScript.Data's
/// IFittedTransform.State), as checkpoints record them: a resumed run must see the data
/// preprocessed exactly as before.</summary>
public sealed record PreprocessingState(string Kind, IReadOnlyDictionary<string, float[]> State)
{
    public bool SameAs(PreprocessingState other) =>
        Kind == other.Kind && State.Count == other.State.Count
        && State.All(kv => other.State.TryGetValue(kv.Key, out var values) && values.AsSpan().SequenceEqual(kv.Value));
}
