using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>A copy of a module's parameters and buffers (its state dict), kept outside any
/// dispose scope, to restore the best epoch's weights. Written to checkpoints with the same
/// layout as Module.save: count, then (name, tensor) pairs.</summary>
public sealed class WeightSnapshot : IDisposable
{
    readonly Dictionary<string, Tensor> _tensors;

    WeightSnapshot(Dictionary<string, Tensor> tensors) => _tensors = tensors;

    public static WeightSnapshot Take(nn.Module module)
    {
        using var noGrad = no_grad();
        return new(module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    public void RestoreInto(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in module.state_dict())
            tensor.copy_(_tensors[name]);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_tensors.Count);
        foreach (var (name, tensor) in _tensors)
        {
            writer.Write(name);
            tensor.Save(writer);
        }
    }

    public static WeightSnapshot Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var tensors = new Dictionary<string, Tensor>(count);
        for (int i = 0; i < count; i++)
            tensors[reader.ReadString()] = TorchSharp.TensorExtensionMethods.Load(reader).DetachFromDisposeScope();
        return new(tensors);
    }

    public void Dispose()
    {
        foreach (Tensor t in _tensors.Values) t.Dispose();
        _tensors.Clear();
    }
}
