using NetScript.Data;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>Counter-based seeds: the random draws of training mini-batch n (augmentations,
/// Mixup's λ and permutation) come from a seed computed from the run's seed and n alone.
/// Nothing random carries from batch to batch, so a run resumed at batch n draws exactly
/// what the uninterrupted run drew, with no generator state in the checkpoint, and adding
/// an augmentation does not change the data order.</summary>
internal static class BatchSeeds
{
    const ulong Golden = 0x9E3779B97F4A7C15UL; // odd, so distinct batches give distinct states

    public static long For(long runSeed, long batch) =>
        (long)(new SeededRandom(runSeed ^ unchecked((long)((ulong)batch * Golden))).NextUInt64() >> 1);
}
