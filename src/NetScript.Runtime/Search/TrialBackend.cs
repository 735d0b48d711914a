namespace NetScript.Runtime.Search;

/// <summary>Where a search's trials run: on this machine (in this process, or in `parallel`
/// worker processes), or as a Slurm job array (`netscript run FILE --on slurm`).</summary>
public enum TrialBackend
{
    Local,
    Slurm,
}
