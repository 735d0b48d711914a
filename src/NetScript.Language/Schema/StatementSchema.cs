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
        P.Int("epochs", "Passes over the training data (with `resume`: the total, including the epochs already done).", 10, min: 1).In("epochs"),
        P.Int("batch", "Mini-batch size.", 32, min: 1).In("samples"),
        P.Op("loss", "Loss function, with its arguments if any: `loss=huber(delta=0.5)`.", OperationCategory.Loss, "cross_entropy"),
        P.Data("validate", "A dataset evaluated after every epoch."),
        P.Flag("shuffle", "Reshuffle the training data every epoch.", true),
        P.Int("top_k", "Also measure top-k accuracy (the true class among the k highest scores) on validation and evaluation.", min: 2),
        P.Options("early_stop", "Stop when a metric stops improving and keep the best weights: `early_stop(metric=val_acc, patience=3)`.", OptionGroupSchema.EarlyStop),
        P.Num("clip_norm", "Gradient clipping: rescale all gradients together so their global L2 norm is at most this.", min: 0, minExclusive: true),
        P.Num("clip_value", "Gradient clipping: clamp every gradient element to [−v, v].", min: 0, minExclusive: true),
        P.Int("accumulate", "Gradient accumulation: sum gradients over this many mini-batches per optimizer step (effective batch = batch × accumulate).", 1, min: 1, max: 4096),
        P.Int("base_batch", "Linear scaling rule (Goyal et al.): the optimizer's lr is meant for this batch size and is multiplied by (batch × accumulate) / base_batch.", min: 1).In("samples"),
        P.Flag("checkpoint", "Write checkpoints to the run folder (last.ckpt every epoch and on Ctrl-C; best.ckpt with early stopping).", true),
        P.Str("resume", "Continue exactly from a checkpoint file, or from a run folder's checkpoint of this model.")) with
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
