using System.Text.Json;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>All fitted preprocessing of a session (or of a fold), in order, as plain data:
/// what preprocessing.json holds and what a checkpoint stores, so evaluation and transfer
/// apply exactly the training statistics (<see cref="Restore"/>, <see cref="Apply"/>).</summary>
public sealed record PreprocessingState(IReadOnlyList<TransformState> Transforms)
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static PreprocessingState Capture(IEnumerable<IFittedTransform> transforms) => new(transforms.Select(t => t.State).ToList());

    /// <summary>New transforms owning new tensors; the caller disposes them.</summary>
    public IReadOnlyList<IFittedTransform> Restore() => Transforms.Select(FittedTransforms.Restore).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The same fitted statistics, step by step (kinds and values): a resumed
    /// training must see its data preprocessed exactly as before.</summary>
    public bool SameAs(PreprocessingState other) =>
        Transforms.Count == other.Transforms.Count && Transforms.Zip(other.Transforms).All(p => p.First.Kind == p.Second.Kind
            && p.First.Tensors.Count == p.Second.Tensors.Count
            && p.First.Tensors.All(kv => p.Second.Tensors.TryGetValue(kv.Key, out var t) && t.Values.AsSpan().SequenceEqual(kv.Value.Values)));

    public static PreprocessingState FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PreprocessingState>(json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new DataException($"saved preprocessing is not valid: {e.Message}", e);
        }
    }

    /// <summary>Applies <paramref name="transforms"/> in order; returns a new tensor.</summary>
    public static Tensor Apply(IEnumerable<IFittedTransform> transforms, Tensor features)
    {
        Tensor result = Apply(transforms, features, overwrite: false);
        return ReferenceEquals(result, features) ? features.clone() : result;
    }

    /// <summary>As <see cref="Apply(IEnumerable{IFittedTransform}, Tensor)"/> on features the
    /// caller owns and no longer needs: elementwise steps overwrite them, and the result is
    /// <paramref name="features"/> itself unless a step changes the shape (then a new tensor,
    /// and <paramref name="features"/> is still the caller's to dispose).</summary>
    public static Tensor ApplyInPlace(IEnumerable<IFittedTransform> transforms, Tensor features) =>
        Apply(transforms, features, overwrite: true);

    static Tensor Apply(IEnumerable<IFittedTransform> transforms, Tensor features, bool overwrite)
    {
        Tensor current = features;
        foreach (IFittedTransform transform in transforms)
        {
            // Unless overwriting, the first step makes a new tensor; later ones may overwrite it.
            bool ours = !ReferenceEquals(current, features);
            Tensor next = ours || overwrite ? transform.ApplyInPlace(current) : transform.Apply(current);
            if (ours && !ReferenceEquals(next, current)) current.Dispose();
            current = next;
        }
        return current;
    }
}
