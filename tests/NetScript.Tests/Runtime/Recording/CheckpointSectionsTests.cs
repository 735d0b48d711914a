using NetScript.Runtime.Recording.Checkpoints;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>The framing of checkpoint sections on its own: a section reads back, and every
/// failure names the section in a sentence.</summary>
public sealed class CheckpointSectionsTests
{
    static BinaryReader Framed(Action<BinaryWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            CheckpointSections.Write(writer, write);
        stream.Position = 0;
        return new BinaryReader(stream);
    }

    [Fact]
    public void A_section_reads_back_what_was_written()
    {
        using var reader = Framed(w => { w.Write(42); w.Write("adam"); });
        Assert.Equal((42, "adam"), CheckpointSections.Read(reader, "the optimizer's state", r => (r.ReadInt32(), r.ReadString())));
    }

    [Fact]
    public void A_state_that_does_not_fit_is_one_sentence_naming_the_section()
    {
        using var reader = Framed(w => w.Write(1));
        var e = Assert.Throws<CheckpointException>(() =>
            CheckpointSections.Read<int>(reader, "the optimizer's state", _ => throw new ArgumentException("expected 4 tensors, found 2\nlibtorch backtrace")));
        Assert.Equal("cannot load the optimizer's state: expected 4 tensors, found 2", e.Message);
    }

    [Fact]
    public void Bytes_a_section_does_not_read_are_refused()
    {
        using var reader = Framed(w => { w.Write(1); w.Write(2); });
        var e = Assert.Throws<CheckpointException>(() => CheckpointSections.Read(reader, "the loss's parameters", r => r.ReadInt32()));
        Assert.Equal("cannot load the loss's parameters: it holds more than this run expects", e.Message);
    }
}
