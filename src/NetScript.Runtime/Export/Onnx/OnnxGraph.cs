using System.Runtime.InteropServices;

namespace NetScript.Runtime.Export.Onnx;

/// <summary>Builds an ONNX graph: nodes in order, float32/int64 initializers, the input and
/// outputs, each value named uniquely; <see cref="ToModel"/> writes the ModelProto bytes.
/// Field numbers follow onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto,
/// TensorProto, ValueInfoProto).</summary>
internal sealed class OnnxGraph
{
    /// <summary>Opset 13: every operator used here exists in it with its current semantics,
    /// and ONNX Runtime and other consumers support it widely.</summary>
    public const int Opset = 13;

    /// <summary>IR version 7 goes with opset 13.</summary>
    const int IrVersion = 7;

    const int FloatType = 1, Int64Type = 7;

    readonly List<ProtoWriter> _nodes = new();
    readonly List<ProtoWriter> _initializers = new();
    readonly List<ProtoWriter> _inputs = new();
    readonly List<ProtoWriter> _outputs = new();
    readonly Dictionary<string, int> _counts = new();

    /// <summary>A fresh value name: <paramref name="hint"/>, then hint_2, hint_3 ….</summary>
    public string Name(string hint)
    {
        int n = _counts[hint] = _counts.GetValueOrDefault(hint) + 1;
        return n == 1 ? hint : $"{hint}_{n}";
    }

    public string Constant(string hint, long[] dims, float[] values)
    {
        string name = Name(hint);
        _initializers.Add(new ProtoWriter().PackedInt64(1, dims).Varint(2, FloatType).String(8, name)
            .Bytes(9, MemoryMarshal.AsBytes(values.AsSpan())));
        return name;
    }

    public string Scalar(string hint, float value) => Constant(hint, [], [value]);

    public string Int64s(string hint, long[] values)
    {
        string name = Name(hint);
        _initializers.Add(new ProtoWriter().PackedInt64(1, [values.Length]).Varint(2, Int64Type).String(8, name)
            .Bytes(9, MemoryMarshal.AsBytes(values.AsSpan())));
        return name;
    }

    /// <summary>Adds a node with one output and returns that output's name.</summary>
    public string Node(string op, string hint, IEnumerable<string> inputs, params (string Name, object Value)[] attributes)
    {
        string output = Name(hint);
        var node = new ProtoWriter();
        foreach (string input in inputs) node.String(1, input);
        node.String(2, output).String(3, output).String(4, op);
        foreach (var (name, value) in attributes) node.Message(5, Attribute(name, value));
        _nodes.Add(node);
        return output;
    }

    /// <param name="dims">Null entries are the symbolic batch dimension.</param>
    public void Input(string name, long?[] dims) => _inputs.Add(ValueInfo(name, dims));

    public void Output(string name, long?[] dims) => _outputs.Add(ValueInfo(name, dims));

    public byte[] ToModel(string graphName, string producerVersion)
    {
        var graph = new ProtoWriter();
        foreach (var node in _nodes) graph.Message(1, node);
        graph.String(2, graphName);
        foreach (var initializer in _initializers) graph.Message(5, initializer);
        foreach (var input in _inputs) graph.Message(11, input);
        foreach (var output in _outputs) graph.Message(12, output);
        return new ProtoWriter()
            .Varint(1, IrVersion)
            .String(2, "NetScript")
            .String(3, producerVersion)
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Varint(2, Opset))
            .ToArray();
    }

    static ProtoWriter Attribute(string name, object value)
    {
        var attribute = new ProtoWriter().String(1, name);
        return value switch
        {
            float f => attribute.Float(2, f).Varint(20, 1),
            double d => attribute.Float(2, (float)d).Varint(20, 1),
            long i => attribute.Varint(3, i).Varint(20, 2),
            int i => attribute.Varint(3, i).Varint(20, 2),
            long[] ints => attribute.PackedInt64(8, ints).Varint(20, 7),
            _ => throw new ArgumentException($"attribute `{name}` of type {value.GetType().Name}"),
        };
    }

    static ProtoWriter ValueInfo(string name, long?[] dims)
    {
        var shape = new ProtoWriter();
        foreach (long? d in dims)
            shape.Message(1, d is { } value ? new ProtoWriter().Varint(1, value) : new ProtoWriter().String(2, "batch"));
        var tensor = new ProtoWriter().Varint(1, FloatType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}
