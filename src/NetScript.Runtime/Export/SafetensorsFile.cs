using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetScript.Runtime.Export;

/// <summary>The safetensors format (Hugging Face): an unsigned 64-bit little-endian header
/// length N, N bytes of JSON — <c>{"__metadata__": {string: string}, NAME: {"dtype", "shape",
/// "data_offsets": [begin, end]}}</c>, offsets relative to the byte after the header — then
/// the tensors' raw little-endian bytes back to back. The header is padded with spaces to a
/// multiple of 8 bytes so every tensor starts aligned, as the reference writer does.</summary>
public static class SafetensorsFile
{
    /// <summary>Headers above this size are refused, as the reference reader does (100 MB).</summary>
    const long MaxHeader = 100_000_000;

    public static void Write(Stream stream, IReadOnlyList<(string Name, SafetensorsTensor Tensor)> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var header = new JsonObject { ["__metadata__"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))) };
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.Data.LongLength != tensor.Count * ElementSize(tensor.DType))
                throw new ExportException($"tensor `{name}` holds {tensor.Data.Length} bytes, not {tensor.Count} values of {tensor.DType}");
            header[name] = new JsonObject
            {
                ["dtype"] = tensor.DType,
                ["shape"] = new JsonArray(tensor.Shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + tensor.Data.LongLength),
            };
            offset += tensor.Data.LongLength;
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(json);
        for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
        foreach (var (_, tensor) in tensors) stream.Write(tensor.Data);
    }

    /// <summary>The metadata and every tensor, by name.</summary>
    public static (IReadOnlyDictionary<string, string> Metadata, IReadOnlyDictionary<string, SafetensorsTensor> Tensors) Read(Stream stream)
    {
        JsonObject header = ReadHeader(stream, out long dataStart);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (key, value) in node as JsonObject ?? throw Invalid("__metadata__ is not an object"))
                    metadata[key] = value?.GetValue<string>() ?? "";
                continue;
            }
            string dtype = node?["dtype"]?.GetValue<string>() ?? throw Invalid($"tensor `{name}` has no dtype");
            long[] shape = node["shape"]?.AsArray().Select(d => d!.GetValue<long>()).ToArray() ?? throw Invalid($"tensor `{name}` has no shape");
            var offsets = node["data_offsets"]?.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            if (offsets is not [var begin, var end] || begin < 0 || end < begin || dataStart + end > stream.Length)
                throw Invalid($"tensor `{name}` has invalid data offsets");
            var tensor = new SafetensorsTensor(dtype, shape, new byte[end - begin]);
            if (tensor.Data.LongLength != tensor.Count * ElementSize(dtype)) throw Invalid($"tensor `{name}`: its bytes do not match its shape");
            stream.Position = dataStart + begin;
            stream.ReadExactly(tensor.Data);
            tensors[name] = tensor;
        }
        return (metadata, tensors);
    }

    /// <summary>Only the metadata (the header), without reading any tensor data.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(Stream stream)
    {
        JsonObject header = ReadHeader(stream, out _);
        return (header["__metadata__"] as JsonObject)?.ToDictionary(m => m.Key, m => m.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)
            ?? new Dictionary<string, string>();
    }

    static JsonObject ReadHeader(Stream stream, out long dataStart)
    {
        Span<byte> length = stackalloc byte[8];
        if (stream.ReadAtLeast(length, 8, throwOnEndOfStream: false) < 8) throw Invalid("the file is shorter than its header");
        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(length);
        if (size > MaxHeader || (long)size > stream.Length - 8) throw Invalid("its header length is not plausible");
        byte[] json = new byte[size];
        stream.ReadExactly(json);
        dataStart = 8 + (long)size;
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw Invalid("its header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid($"its header is not valid JSON ({e.Message})");
        }
    }

    static int ElementSize(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => throw Invalid($"unknown dtype {dtype}"),
    };

    static ExportException Invalid(string why) => new($"not a valid safetensors file: {why}");
}
