namespace NetScript.Tests.Runtime.Search;

/// <summary>A test that needs a running Slurm cluster (`.ci/run` starts a single-node one with
/// tools/slurm/single-node.sh); skipped, with the reason shown, where `sbatch` is not installed.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        bool installed = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "sbatch")));
        if (!installed) Skip = "sbatch is not installed: no Slurm cluster to submit to (apt-get install slurm-wlm munge; tools/slurm/single-node.sh)";
    }
}
