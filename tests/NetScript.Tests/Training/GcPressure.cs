namespace NetScript.Tests.Training;

/// <summary>A background thread that collects garbage and runs finalizers in a tight loop
/// while it lives: any native handle whose managed owner becomes unreachable mid-call is
/// freed under the call's feet almost at once instead of "some day".</summary>
internal sealed class GcPressure : IDisposable
{
    readonly Thread thread;
    volatile bool stopping;

    public GcPressure()
    {
        thread = new Thread(() =>
        {
            while (!stopping)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Collections++;
            }
        }) { IsBackground = true, Name = "gc-pressure" };
        thread.Start();
    }

    /// <summary>Full collections run so far (read after <see cref="Dispose"/>).</summary>
    public int Collections { get; private set; }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }
}
