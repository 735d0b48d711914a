namespace NetScript.Repl;

/// <summary>What Ctrl+C did.</summary>
public enum Interruption
{
    /// <summary>Nothing ran: the input is cleared instead.</summary>
    None,
    Stopped,
    StoppedAndDropped,
}
