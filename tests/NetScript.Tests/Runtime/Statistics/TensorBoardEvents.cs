using Tensorboard;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>Reads a TensorBoard event file the way TensorBoard does (TFRecord framing with
/// masked CRC32C checks), failing on any corrupt record.</summary>
internal static class TensorBoardEvents
{
    public static List<Event> Read(string path)
    {
        var events = new List<Event>();
        using var reader = new BinaryReader(File.OpenRead(path));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            ulong length = reader.ReadUInt64();
            Assert.Equal(Masked(TorchSharp.Utils.CRC32C.process((long)length)), reader.ReadUInt32());
            byte[] data = reader.ReadBytes(checked((int)length));
            Assert.Equal(Masked(TorchSharp.Utils.CRC32C.process(data)), reader.ReadUInt32());
            events.Add(Event.Parser.ParseFrom(data));
        }
        return events;
    }

    static uint Masked(uint crc) => ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}
