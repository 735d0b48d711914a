using System.Buffers.Binary;
using System.Text;

namespace NetScript.Runtime.Export.Onnx;

/// <summary>The protobuf wire format, as much as ONNX needs: varints (wire type 0), 32-bit
/// floats (5) and length-delimited bytes, strings, packed arrays and nested messages (2).
/// Messages are built innermost first and nested as bytes, so no schema compiler is needed;
/// field numbers are onnx.proto's.</summary>
internal sealed class ProtoWriter
{
    readonly MemoryStream _buffer = new();

    public byte[] ToArray() => _buffer.ToArray();

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
        return this;
    }

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (long v in values) packed.Raw((ulong)v);
        return Bytes(field, packed.ToArray());
    }

    public ProtoWriter PackedFloat(int field, IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * 4];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        return Bytes(field, bytes);
    }

    void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
