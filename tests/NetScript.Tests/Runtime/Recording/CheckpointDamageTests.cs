using NetScript.Runtime.Execution;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>Fault injection into the checkpoint reader: random bytes, a file cut short and
/// overwritten weights each give NS0710 naming the file and the part that is damaged — never a
/// bare .NET exception, never a silent resume with different weights.</summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointDamageTests
{
    /// <summary>Resumes from a damaged copy of the checkpoint; returns the NS0710 message.</summary>
    static (string Path, string Message) Resume(Func<byte[], byte[]> damage)
    {
        string copy = Path.Combine(Scripts.TempDirectory(), "last.ckpt");
        File.WriteAllBytes(copy, damage(File.ReadAllBytes(SmallRun.Checkpoint)));
        using var workspace = new Workspace();
        var result = Pipelines.Execute(SmallRun.With($"epochs=3 resume=\"{copy}\""), workspace);
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
        File.Copy(SmallRun.Checkpoint, copy);
        using var workspace = new Workspace();
        var events = new RecordingObserver();
        var result = Pipelines.Execute(SmallRun.With($"epochs=3 resume=\"{copy}\""), workspace, events);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([3], events.Of<NetScript.Runtime.Events.EpochCompleted>().Select(e => e.Epoch));
    }

    [Fact]
    public void A_format_1_checkpoint_without_checksums_still_resumes()
    {
        // Format 1: the same parts unframed, and preprocessing listed as [{Kind, State: {name: values}}].
        byte[] current = File.ReadAllBytes(SmallRun.Checkpoint);
        var sections = Sections(current);
        string header = new BinaryReader(new MemoryStream(current, sections[0].Start, sections[0].Length)).ReadString();
        var json = System.Text.Json.Nodes.JsonNode.Parse(header)!.AsObject();
        var old = new System.Text.Json.Nodes.JsonArray();
        foreach (var transform in json["Preprocessing"]!["Transforms"]!.AsArray())
        {
            var state = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, tensor) in transform!["Tensors"]!.AsObject()) state[name] = tensor!["Values"]!.DeepClone();
            old.Add(new System.Text.Json.Nodes.JsonObject { ["Kind"] = transform["Kind"]!.DeepClone(), ["State"] = state });
        }
        Assert.NotEmpty(old);
        json["Preprocessing"] = old;
        json["Format"] = 1;
        string copy = Path.Combine(Scripts.TempDirectory(), "format1.ckpt");
        using (var writer = new BinaryWriter(File.Create(copy)))
        {
            writer.Write("NetScript checkpoint");
            writer.Write(1);
            writer.Write(json.ToJsonString());
            foreach (var (start, length) in sections.Skip(1)) writer.Write(current, start, length);
        }
        using var workspace = new Workspace();
        var events = new RecordingObserver();
        var result = Pipelines.Execute(SmallRun.With($"epochs=3 resume=\"{copy}\""), workspace, events);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([3], events.Of<NetScript.Runtime.Events.EpochCompleted>().Select(e => e.Epoch));
    }
}
