using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A preprocessing step whose statistics were fitted on the training split; applying
/// it never refits, so validation and test data cannot leak into the statistics.</summary>
public interface IFittedTransform : IDisposable
{
    string Kind { get; }

    /// <summary>The fitted statistics as plain data, for the run folder and checkpoints.</summary>
    TransformState State { get; }

    /// <summary>Returns a new tensor (N, …) → (N, …'); the input is not modified.</summary>
    Tensor Apply(Tensor features);

    /// <summary>As <see cref="Apply"/>, but may overwrite <paramref name="features"/>, which the
    /// caller owns and no longer needs, and return it (no new tensor of the dataset's size).</summary>
    Tensor ApplyInPlace(Tensor features) => Apply(features);
}
