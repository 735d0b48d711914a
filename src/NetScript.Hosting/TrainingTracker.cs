using NetScript.Runtime.Events;

namespace NetScript.Hosting;

/// <summary>Passes every event on, remembering the current training's start and its last
/// finished epoch, so a session can record a training the user stopped (the runtime records
/// only trainings that end).</summary>
internal sealed class TrainingTracker(IRunObserver inner) : IRunObserver
{
    public TrainingStarted? Started { get; private set; }

    public EpochCompleted? LastEpoch { get; private set; }

    public DateTime StartedAt { get; private set; }

    public void OnEvent(RunEvent e)
    {
        switch (e)
        {
            case TrainingStarted t:
                Started = t;
                LastEpoch = null;
                StartedAt = DateTime.UtcNow;
                break;
            case EpochCompleted c when c.Model == Started?.Model:
                LastEpoch = c;
                break;
        }
        inner.OnEvent(e);
    }
}
