using NetScript.Runtime.Training;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>What reading a checkpoint hands back besides the loaded modules: the interrupted
/// epoch's tensors (mid-epoch checkpoints) and the best epoch's weights (when saved).</summary>
internal sealed record CheckpointRestored(EpochTensors? Partial, WeightSnapshot? BestModel, WeightSnapshot? BestLoss);
