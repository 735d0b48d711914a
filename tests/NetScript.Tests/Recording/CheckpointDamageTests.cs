using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Tests.Engine;

namespace NetScript.Tests.Recording;

/// <summary>Fault injection into the checkpoint reader: random bytes, a file cut short and
/// overwritten weights each give NS0710 naming the file and the part that is damaged — never a
/// bare .NET exception, never a silent resume with different weights.</summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointDamageTests
{
    const string Script = TrainingLoopTests.Data + """
        model m { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.01
        train m on train epochs=2 batch=16

        """;

    static readonly Lazy<string> s_checkpoint = new(() =>
    {
        var folder = RunFolder.Create(Scripts.TempDirectory(), "damage.nns", Script);
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Script, workspace, runFolder: folder).Succeeded);
        return Path.Combine(folder.Path, "m", "last.ckpt");
    });

    /// <summary>Resumes from a damaged copy of the checkpoint; returns the NS0710 message.</summary>
    static (string Path, string Message) Resume(Func<byte[], byte[]> damage)
    {
        string copy = Path.Combine(Scripts.TempDirectory(), "last.ckpt");
        File.WriteAllBytes(copy, damage(File.ReadAllBytes(s_checkpoint.Value)));
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Script.Replace("epochs=2", $"epochs=3 resume=\"{copy}\""), workspace);
        Assert.Equal("NS0710", result.Failure?.Id);
        return (copy, result.Failure!.Message);
    }

    /// <summary>Where each section's bytes start and how many there are (format 2 framing:
    /// length, bytes, CRC32C), after the magic string and the format number.</summary>
    static List<(int Start, int Length)> Sections(byte[] file)
    {
        using var reader = new BinaryReader(new MemoryStream(file));
        reader.ReadString();
        Assert.Equal(2, reader.ReadInt32());
        var sections = new List<(int, int)>();
        while (reader.BaseStream.Position < file.Length)
        {
            int length = (int)reader.ReadInt64();
            sections.Add(((int)reader.BaseStream.Position, length));
            reader.BaseStream.Position += length + sizeof(uint);
        }
        return sections;
    }

    [Fact]
    public void Random_bytes_are_not_a_checkpoint()
    {
        var (path, message) = Resume(_ => new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 4096));
        Assert.Equal($"cannot resume `m` from \"{path}\": it is not a NetScript checkpoint", message);
    }

    [Fact]
    public void A_file_cut_after_the_optimizer_state_names_the_part_that_is_missing()
    {
        var (path, message) = Resume(file =>
        {
            var optimizer = Sections(file)[3]; // header, weights, loss, optimizer, generators
            return file[..(optimizer.Start + optimizer.Length + sizeof(uint) + 10)];
        });
        Assert.Equal($"cannot resume `m` from \"{path}\": the file ends inside the random generators' state (it was cut short or is damaged)", message);
    }

    [Fact]
    public void Overwritten_weights_fail_the_checksum()
    {
        var (path, message) = Resume(file =>
        {
            var weights = Sections(file)[1];
            byte[] damaged = (byte[])file.Clone();
            new Random(3).NextBytes(damaged.AsSpan(weights.Start + weights.Length / 2, 64));
            return damaged;
        });
        Assert.Equal($"cannot resume `m` from \"{path}\": the checksum of the model's weights does not match (the file is damaged)", message);
    }

    [Fact]
    public void An_undamaged_copy_resumes()
    {
        string copy = Path.Combine(Scripts.TempDirectory(), "last.ckpt");
        File.Copy(s_checkpoint.Value, copy);
        using var workspace = new Workspace();
        var events = new RecordingObserver();
        var result = Pipelines.Execute(Script.Replace("epochs=2", $"epochs=3 resume=\"{copy}\""), workspace, events);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([3], events.Of<NetScript.Runtime.Events.EpochCompleted>().Select(e => e.Epoch));
    }
}
