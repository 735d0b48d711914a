namespace NetScript.Repl;

/// <summary>How an output line is coloured.</summary>
public enum OutputKind
{
    Text,
    Echo,
    Error,
    Warning,
    Note,
    Result,
    Dim,
}
