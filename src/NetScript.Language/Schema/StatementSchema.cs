using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Options of the top-level statements.</summary>
public static class StatementSchema
{
    public static readonly OperationSpec Seed = OperationSpec.Create("seed", Statement,
        "Seeds every random number generator (weights, shuffling, splits, generated data) so runs are reproducible.",
        P.Int("value", "The seed.", 42, min: 0).AsPositional().AsRequired()) with { Example = "seed 42" };

    public static readonly OperationSpec Threads = OperationSpec.Create("threads", Statement,
        "Number of CPU threads libtorch uses for intra-op parallelism (results differ slightly between thread counts).",
        P.Int("value", "Thread count.", min: 1, max: 1024).AsPositional().AsRequired()) with { Example = "threads 2" };

    public static readonly OperationSpec Split = OperationSpec.Create("split", Statement,
        "Splits a dataset into named parts by fractions (which must add up to 1), randomly and reproducibly.",
        P.Flag("stratify", "Keep each class's proportion the same in every part."),
        P.Int("seed", "Seed of the shuffle; defaults to the session seed.", min: 0)) with
    {
        Example = "split data into train=0.8 val=0.2 stratify",
        AcceptsExtraNamed = true,
    };

    public static readonly OperationSpec Preprocess = OperationSpec.Create("preprocess", Statement,
        "Fits preprocessing statistics on one split (the training split) and applies them to every dataset.",
        P.Data("fit", "The split the statistics are computed from.") with { Default = "train" }) with
    {
        Example = "preprocess { standardize }",
    };

    public static readonly OperationSpec Train = OperationSpec.Create("train", Statement,
        "Trains a model on a dataset with mini-batch gradient descent, using the current optimizer.",
        P.Int("epochs", "Passes over the training data.", 10, min: 1).In("epochs"),
        P.Int("batch", "Mini-batch size.", 32, min: 1).In("samples"),
        P.Choice("loss", "Loss function.", "cross_entropy", LossSchema.Names),
        P.Data("validate", "A dataset evaluated after every epoch."),
        P.Flag("shuffle", "Reshuffle the training data every epoch.", true),
        // 50: one sample costs about as much as one step of a small MLP, so every 50th step
        // keeps the overhead near 2% while an MNIST-sized epoch (469 steps) still gets ~10.
        P.Int("stats", "Record per-layer statistics (activations, dead units, gradient norms, update/weight ratios) at the first step and every N steps after it; 0 turns them off.", 50, min: 0).In("steps")) with
    {
        Example = "train mlp on train epochs=100 batch=32 validate=val",
    };

    public static readonly OperationSpec Evaluate = OperationSpec.Create("evaluate", Statement,
        "Computes the loss and accuracy of a trained model on a dataset.",
        P.Int("batch", "Batch size for evaluation (does not change the result).", 256, min: 1).In("samples")) with
    {
        Example = "evaluate mlp on test",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [Seed, Threads, Split, Preprocess, Train, Evaluate];
}
