using NetScript.Runtime.Events;
using NetScript.Scripting;

namespace NetScript.Hosting;

/// <summary>How a session runs: where run folders go (null: no run folder), who hears its
/// events, and whether names may be redefined (the REPL) or not (scripts).</summary>
public sealed record SessionOptions(string? RunsDirectory, IRunObserver Observer, bool Interactive = false)
{
    /// <summary>Compiles the session's C# snippets; null: the process-wide compiler with the
    /// per-user disk cache.</summary>
    public SnippetCompiler? Snippets { get; init; }

    /// <summary>Run every training shortened (<see cref="NetScript.Language.Lowering.SmokePlan"/>):
    /// `netscript run --smoke`.</summary>
    public bool Smoke { get; init; }

    /// <summary>An existing run folder to continue instead of creating one: a search run again
    /// into it skips the trials its journals say finished (`netscript run FILE --resume RUN`).</summary>
    public string? ResumeRunFolder { get; init; }

    /// <summary>Searches run their trials as a Slurm job array (`--on slurm`) instead of on this machine.</summary>
    public bool SearchOnSlurm { get; init; }
}
