namespace NetScript.Hosting.Interactive;

public enum JobState
{
    Running,
    Paused,
    Completed,
    Stopped,
    Failed,
}
