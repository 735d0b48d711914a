using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Losses;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>The live objects a checkpoint saves and restores besides its header: the model,
/// the loss (which may own parameters), the optimizer, the shuffle generator and, when early
/// stopping may restore them, the best epoch's weights; with `ema=`/`swa=`, the weight average.</summary>
internal sealed record CheckpointState(
    nn.Module Module,
    LossFunction Loss,
    OptimizerHelper Optimizer,
    Generator Shuffle,
    WeightSnapshot? BestModel,
    WeightSnapshot? BestLoss,
    WeightAverage? Average);
