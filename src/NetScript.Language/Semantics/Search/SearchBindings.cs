namespace NetScript.Language.Semantics;

/// <summary>The values of `$name`s while one trial's statements are checked: the constant
/// evaluator reads them, so the checker checks a trial exactly as it checks plain statements
/// and every diagnostic keeps the position of the `$name` it came from. Scoped to the thread
/// doing the check.</summary>
public static class SearchBindings
{
    [ThreadStatic] static IReadOnlyDictionary<string, Value>? s_current;

    /// <summary>The values in force, or null outside a trial's check.</summary>
    public static IReadOnlyDictionary<string, Value>? Current => s_current;

    public static IDisposable Use(IReadOnlyDictionary<string, Value> values)
    {
        var previous = s_current;
        s_current = values;
        return new Scope(previous);
    }

    sealed class Scope(IReadOnlyDictionary<string, Value>? previous) : IDisposable
    {
        public void Dispose() => s_current = previous;
    }
}
