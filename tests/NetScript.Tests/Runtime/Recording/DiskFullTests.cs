using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>A run whose disk fills up: the checkpoint write fails, the error says so and that
/// the previous checkpoint is intact, no temporary file is left, and that checkpoint resumes.</summary>
[Collection(TorchCollection.Name)]
public sealed class DiskFullTests
{
    static readonly string Script = SmallRun.With("epochs=3");

    [RootFact]
    public void A_full_disk_names_the_checkpoint_and_keeps_the_previous_one()
    {
        using var disk = new Tmpfs("2m");
        var folder = RunFolder.Create(disk.Path, "full.nns", Script);
        string last = Path.Combine(folder.Path, "m", "last.ckpt");
        string kept = Path.Combine(Scripts.TempDirectory(), "kept.ckpt");
        var observer = new CheckpointTests.CallbackObserver(e =>
        {
            if (e is not EpochCompleted { Epoch: 1 }) return;
            File.Copy(last, kept);
            Fill(Path.Combine(disk.Path, "filler"));
        });
        using (var workspace = new Workspace())
        {
            var result = Pipelines.Execute(Script, workspace, observer, runFolder: folder);
            Assert.Equal("NS0610", result.Failure?.Id);
            Assert.Equal($"could not write the checkpoint {last}: no space left on device; {last} (after epoch 1) is intact (continue with resume=\"{last}\")",
                result.Failure!.Message);
        }
        Assert.Equal(File.ReadAllBytes(kept), File.ReadAllBytes(last));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));

        using var resumed = new Workspace();
        var events = new RecordingObserver();
        var again = Pipelines.Execute(Script.Replace("epochs=3", $"epochs=3 resume=\"{kept}\""), resumed, events);
        Assert.True(again.Succeeded, again.Failure?.Message);
        Assert.Equal([2, 3], events.Of<EpochCompleted>().Select(e => e.Epoch));
    }

    /// <summary>Writes until the file system has no byte left.</summary>
    static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        byte[] block = new byte[4096];
        try
        {
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
            // Full: the remaining bytes of the last block did not fit.
        }
    }
}
