using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A dataset held as two tensors: features (N, …) float32 and labels (N) — int64
/// class indices, or float32 targets when <see cref="Classes"/> is 0 (regression). Owns its
/// tensors; they live outside any dispose scope.</summary>
public sealed class TensorDataset : IDisposable
{
    public TensorDataset(Tensor features, Tensor labels, int classes)
    {
        if (features.shape[0] != labels.shape[0])
            throw new ArgumentException($"features have {features.shape[0]} rows but labels have {labels.shape[0]}");
        Features = features;
        Labels = labels;
        Classes = classes;
    }

    public Tensor Features { get; }

    public Tensor Labels { get; }

    /// <summary>Number of classes; 0 for a regression dataset.</summary>
    public int Classes { get; }

    public bool IsRegression => Classes == 0;

    public long Count => Features.shape[0];

    /// <summary>Shape of one sample (batch dimension excluded).</summary>
    public long[] SampleShape => Features.shape[1..];

    public static TensorDataset FromArrays(float[] features, long[] featureShape, long[] labels, int classes)
    {
        long[] shape = [labels.LongLength, .. featureShape];
        return new TensorDataset(tensor(features).reshape(shape), tensor(labels), classes);
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order (copies).</summary>
    public TensorDataset Select(long[] indices)
    {
        using var index = tensor(indices);
        return new TensorDataset(Features.index_select(0, index), Labels.index_select(0, index), Classes);
    }

    /// <summary>Same labels (copied), new features.</summary>
    public TensorDataset WithFeatures(Tensor features) => new(features, Labels.clone(), Classes);

    public long[] LabelArray() => Labels.data<long>().ToArray();

    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
