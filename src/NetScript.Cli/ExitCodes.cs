namespace NetScript.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The script has errors, a statement failed while running, or the environment
    /// stopped it (a full disk, a folder without permission).</summary>
    public const int ScriptError = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>A bug in NetScript (reported without a stack trace unless NETSCRIPT_DEBUG=1).</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), after saving as Ctrl-C does.</summary>
    public const int Terminated = 143;
}
