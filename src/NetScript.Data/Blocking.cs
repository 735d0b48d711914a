namespace NetScript.Data;

/// <summary>Waits for Parquet.Net's async calls from NetScript's synchronous pipeline. On a
/// thread with a synchronisation context (the REPL's UI thread runs `:compare`, `:runs`) an
/// awaited continuation would be posted back to the blocked thread and never run: there the
/// work runs on the thread pool instead, which has no context.</summary>
public static class Blocking
{
    public static T Run<T>(Func<Task<T>> work) =>
        SynchronizationContext.Current is null
            ? work().GetAwaiter().GetResult()
            : Task.Run(work).GetAwaiter().GetResult();

    public static void Run(Func<Task> work) =>
        Run<bool>(async () => { await work().ConfigureAwait(false); return true; });
}
