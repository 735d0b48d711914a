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
    long Seed);
