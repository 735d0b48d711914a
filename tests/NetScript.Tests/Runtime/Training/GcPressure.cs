namespace NetScript.Tests.Runtime.Training;

/// <summary>A background thread that collects garbage and runs finalizers in a tight loop
/// while it lives: any native handle whose managed owner becomes unreachable mid-call is
/// freed under the call's feet almost at once instead of "some day". Gen-0 collections: the
/// temporaries at stake are young, and gen 0 stays cheap however large the heap has grown
/// over the rest of the test run.</summary>
internal sealed class GcPressure : IDisposable
{
    readonly Thread thread;
    volatile bool stopping;
    int collections;

    public GcPressure()
    {
        thread = new Thread(() =>
        {
            while (!stopping)
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref collections);
            }
        }) { IsBackground = true, Name = "gc-pressure" };
        thread.Start();
    }

    /// <summary>Collections run so far.</summary>
    public int Collections => Volatile.Read(ref collections);

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }
}
