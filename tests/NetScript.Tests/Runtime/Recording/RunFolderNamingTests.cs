using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>Folder names of a run are claimed atomically (create-new, next suffix when
/// taken), and the temporary files of killed runs are removed when the next run starts.</summary>
public sealed class RunFolderNamingTests
{
    [Fact]
    public void Runs_starting_in_the_same_instant_never_share_a_folder()
    {
        string root = Scripts.TempDirectory();
        using var start = new Barrier(16);
        string[] names = new string[16];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            start.SignalAndWait();
            names[i] = NewFolder.Claim(root, "mlp");
        });
        Assert.Equal(["mlp", .. Enumerable.Range(2, 15).Select(i => $"mlp-{i}")], names.Order(StringComparer.Ordinal).OrderBy(n => n.Length));
        Assert.Equal(16, Directory.GetDirectories(root).Length);
    }

    [Fact]
    public void A_taken_name_moves_to_the_next_suffix_and_a_suffix_claims_a_cross_validation()
    {
        string root = Scripts.TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, "m-fold1"));
        Directory.CreateDirectory(Path.Combine(root, "m-2-fold1"));
        Assert.Equal("m-3", NewFolder.Claim(root, "m", "-fold1"));
        Assert.True(Directory.Exists(Path.Combine(root, "m-3-fold1")));
    }

    [Fact]
    public void A_runs_folder_that_is_a_file_is_named_in_the_error()
    {
        string file = Path.Combine(Scripts.TempDirectory(), "runs");
        File.WriteAllText(file, "");
        var e = Assert.Throws<RecordingException>(() => RunFolder.Create(file, "a.nns", "seed 1"));
        Assert.Equal($"cannot create the folder {file}: it is a file", e.Message);
    }

    [Fact]
    public void Temporary_files_of_ended_writers_are_removed_when_the_next_run_starts()
    {
        string root = Scripts.TempDirectory();
        string training = Path.Combine(root, "20260101-000000-old", "mlp");
        Directory.CreateDirectory(training);
        string ended = Path.Combine(training, $".last.ckpt.{int.MaxValue}.0123456789abcdef.tmp"); // no such process
        string legacy = Path.Combine(training, "steps.parquet.tmp");                               // earlier versions' name
        string running = Path.Combine(training, $".layers.parquet.{Environment.ProcessId}.0123456789abcdef.tmp");
        string kept = Path.Combine(training, "last.ckpt");
        foreach (string file in new[] { ended, legacy, running, kept }) File.WriteAllText(file, "");

        RunFolder.Create(root, "next.nns", "seed 1");

        Assert.False(File.Exists(ended));
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(running), "a live process's temporary file is left alone");
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public void A_file_with_the_model_s_name_moves_its_training_to_the_next_name()
    {
        string run = Scripts.TempDirectory();
        File.WriteAllText(Path.Combine(run, "mlp"), "");
        Assert.Equal(Path.Combine(run, "mlp-2"), ModelExecutor.ModelFolder(run, "mlp"));
    }
}
