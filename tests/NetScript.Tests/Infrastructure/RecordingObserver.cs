using NetScript.Runtime.Events;

namespace NetScript.Tests;

public sealed class RecordingObserver : IRunObserver
{
    public List<RunEvent> Events { get; } = new();

    public void OnEvent(RunEvent e) => Events.Add(e);

    public IEnumerable<T> Of<T>() where T : RunEvent => Events.OfType<T>();
}
