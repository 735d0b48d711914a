using NetScript.Data;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;

namespace NetScript.Runtime.Training;

public sealed record TrainRequest(
    TrainedModel Model,
    string DataName,
    TensorDataset Data,
    TensorDataset? Validation,
    TrainSettings Settings,
    OptimizerSettings Optimizer,
    long Seed)
{
    /// <summary>Pauses the loop between steps when a host asks (null: never paused).</summary>
    public RunControl? Control { get; init; }
}
