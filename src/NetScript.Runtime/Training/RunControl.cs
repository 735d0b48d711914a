namespace NetScript.Runtime.Training;

/// <summary>Lets a host pause a running training between two steps (the REPL's pause key).
/// Stopping is the cancellation token's job; a paused run still stops when cancelled. The
/// trainer checks this once per step, so a pause takes effect within one step.</summary>
public sealed class RunControl : IDisposable
{
    readonly ManualResetEventSlim _running = new(initialState: true);

    public bool IsPaused => !_running.IsSet;

    public void Pause() => _running.Reset();

    public void Resume() => _running.Set();

    /// <summary>Blocks while paused; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public void WaitWhilePaused(CancellationToken cancellation)
    {
        if (!_running.IsSet) _running.Wait(cancellation);
    }

    public void Dispose() => _running.Dispose();
}
