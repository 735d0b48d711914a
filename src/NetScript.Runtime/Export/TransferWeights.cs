using NetScript.Language.Semantics;
using NetScript.Runtime.Recording.Checkpoints;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>The weights `transfer … from` reads: a `.nnsm` model file's (<see cref="ExportedModel"/>)
/// or a `.ckpt` checkpoint's model section, by state-dict name, with the input shape they were
/// trained on. <see cref="Mismatch"/> compares them with a module tensor by tensor, so a file of
/// another architecture or input shape is reported by its first layer that does not fit.</summary>
public sealed class TransferWeights : IDisposable
{
    TransferWeights(string path, Shape input, Dictionary<string, Tensor> tensors)
    {
        Path = path;
        Input = input;
        Tensors = tensors;
    }

    public string Path { get; }

    /// <summary>The shape of the samples the weights were trained on (after preprocessing).</summary>
    public Shape Input { get; }

    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    public static bool IsCheckpoint(string path) => string.Equals(System.IO.Path.GetExtension(path), ".ckpt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the file; an <see cref="ExportException"/> says why it cannot be used.</summary>
    public static TransferWeights Read(string path)
    {
        if (!File.Exists(path)) throw new ExportException("the file does not exist");
        if (!IsCheckpoint(path))
        {
            ExportedModel model = ExportedModel.Read(path);
            return new TransferWeights(path, model.Plan.Input, model.Weights.ToDictionary(w => w.Key, w => w.Value.ToTensor(), StringComparer.Ordinal));
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            CheckpointHeader header = CheckpointFile.ReadHeader(reader);
            Shape input = InputOf(header);
            return new TransferWeights(path, input, CheckpointFile.ReadWeights(reader, header));
        }
        catch (CheckpointException e)
        {
            throw new ExportException(e.Message);
        }
    }

    /// <summary>The input shape only (the manifest or the checkpoint's header).</summary>
    public static Shape ReadInput(string path)
    {
        if (!File.Exists(path)) throw new ExportException("the file does not exist");
        if (!IsCheckpoint(path)) return ExportedModel.Describe(path).Plan.Input;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            return InputOf(CheckpointFile.ReadHeader(reader));
        }
        catch (CheckpointException e)
        {
            throw new ExportException(e.Message);
        }
    }

    /// <summary>A checkpoint's plan key starts with the input shape: "[1, 28, 28] conv(…) -> …".</summary>
    static Shape InputOf(CheckpointHeader header)
    {
        int end = header.Plan.IndexOf(']');
        if (!header.Plan.StartsWith('[') || end < 0) throw new ExportException("its header does not describe the model's input");
        string inside = header.Plan[1..end];
        try
        {
            return new Shape([.. inside.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)]);
        }
        catch (FormatException)
        {
            throw new ExportException("its header does not describe the model's input");
        }
    }

    /// <summary>Null when every tensor of <paramref name="module"/> has a tensor of the same
    /// name and shape here and nothing is left over; else a message naming the first layer
    /// (in the model's order) that does not fit.</summary>
    public string? Mismatch(nn.Module module, Shape modelInput)
    {
        string inputs = Input.Equals(modelInput) ? "" : $" (the file's weights were trained on inputs {Input}; the model takes {modelInput})";
        var expected = module.state_dict();
        foreach (var (name, target) in expected)
        {
            if (!Tensors.TryGetValue(name, out Tensor? saved))
                return $"layer `{Layer(name)}` does not match: the file has no `{name}` (it holds a model of another architecture){inputs}";
            if (!saved.shape.SequenceEqual(target.shape))
                return $"layer `{Layer(name)}` does not match: the file's `{name}` has shape [{string.Join(", ", saved.shape)}], "
                    + $"the model's [{string.Join(", ", target.shape)}]{inputs}";
        }
        if (Tensors.Keys.FirstOrDefault(k => !expected.ContainsKey(k)) is { } extra)
            return $"the file has weights for layer `{Layer(extra)}` (`{extra}`), which the model does not have{inputs}";
        return null;
    }

    /// <summary>Copies every tensor into <paramref name="module"/> (after <see cref="Mismatch"/> found none).</summary>
    public void CopyInto(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (name, target) in module.state_dict()) target.copy_(Tensors[name]);
    }

    static string Layer(string tensor) => tensor[..Math.Max(0, tensor.LastIndexOf('.'))];

    public void Dispose()
    {
        foreach (var t in Tensors.Values) t.Dispose();
    }
}
