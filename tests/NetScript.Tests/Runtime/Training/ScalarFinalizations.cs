using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using TorchSharp;

namespace NetScript.Tests.Runtime.Training;

/// <summary>Counts TorchSharp <see cref="Scalar"/>s that reach their finalizer: temporaries
/// nobody disposed, each one a chance for a collection to free a c10::Scalar while libtorch
/// is reading it (see <see cref="OptimizerGcPressureTests"/>). Unlike a race under GC
/// pressure this is deterministic. It listens to the runtime's FinalizeObject events (GC
/// keyword, verbose level), which carry the finalized object's type handle.</summary>
internal sealed class ScalarFinalizations : EventListener
{
    static readonly ulong ScalarType = (ulong)typeof(Scalar).TypeHandle.Value;
    static readonly ulong SentinelType = (ulong)typeof(Sentinel).TypeHandle.Value;
    const EventKeywords GcKeyword = (EventKeywords)0x1;

    int scalars;
    int sentinels;

    /// <summary>Scalars finalized because of <paramref name="work"/>: earlier garbage is
    /// collected and its events drained first, the work's own garbage after it.</summary>
    public static int During(Action work)
    {
        using var listener = new ScalarFinalizations();
        listener.Drain();
        int before = Volatile.Read(ref listener.scalars);
        work();
        listener.Drain();
        return Volatile.Read(ref listener.scalars) - before;
    }

    /// <summary>The fewest Scalars finalized over up to <paramref name="attempts"/> runs of
    /// <paramref name="work"/>, stopping at the first clean one. The count is process-wide, so
    /// garbage of a thread another test left behind can land in one window; a real leak
    /// repeats on every run and shows in all of them.</summary>
    public static int Fewest(Action work, int attempts = 3)
    {
        int best = int.MaxValue;
        for (int attempt = 0; attempt < attempts && best > 0; attempt++) best = Math.Min(best, During(work));
        return best;
    }

    /// <summary>Collects, runs finalizers and waits until a sentinel's FinalizeObject event
    /// arrives: events come in order from the finalizer thread, so all before it are counted.</summary>
    void Drain()
    {
        int seen = Volatile.Read(ref sentinels);
        Abandon();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref sentinels) == seen)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the runtime's FinalizeObject events did not arrive");
            Thread.Sleep(5);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Abandon() => _ = new Sentinel();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "FinalizeObject" || e.Payload is not [var type, ..]) return;
        ulong handle = type switch { IntPtr p => (ulong)(long)p, ulong u => u, _ => 0 };
        if (handle == ScalarType) Interlocked.Increment(ref scalars);
        else if (handle == SentinelType) Interlocked.Increment(ref sentinels);
    }

    sealed class Sentinel
    {
        ~Sentinel() { }
    }
}
