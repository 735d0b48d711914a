using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A preprocessing step whose statistics were fitted on the training split; applying
/// it never refits, so validation and test data cannot leak into the statistics.</summary>
public interface IFittedTransform : IDisposable
{
    string Kind { get; }

    /// <summary>Fitted statistics by name, for the run folder and checkpoints.</summary>
    IReadOnlyDictionary<string, float[]> State { get; }

    /// <summary>Returns a new tensor; the input is not modified.</summary>
    Tensor Apply(Tensor features);
}
