namespace NetScript.Repl.Commands;

/// <summary>A parsed `:name argument` line.</summary>
public sealed record ReplCommand(string Name, string Argument)
{
    /// <summary>Null when the line is not a command (does not start with `:`).</summary>
    public static ReplCommand? Parse(string line)
    {
        string trimmed = line.Trim();
        if (!trimmed.StartsWith(':')) return null;
        int space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0
            ? new ReplCommand(trimmed[1..], "")
            : new ReplCommand(trimmed[1..space], trimmed[(space + 1)..].Trim());
    }
}
