namespace NetScript.Runtime.Events;

/// <summary>Receives run events on the thread that runs the pipeline; implementations must
/// return quickly (publish a snapshot, do not render).</summary>
public interface IRunObserver
{
    void OnEvent(RunEvent e);
}
