using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Options of the top-level statements.</summary>
public static class StatementSchema
{
    public static readonly OperationSpec Seed = OperationSpec.Create("seed", Statement,
        "Seeds every random number generator (weights, shuffling, splits, generated data) so runs are reproducible.",
        Parameter.Int("value", "The seed.", 42, min: 0, max: Limits.Seed).AsPositional().AsRequired()) with { Example = "seed 42" };

    public static readonly OperationSpec Threads = OperationSpec.Create("threads", Statement,
        "Number of CPU threads libtorch uses for intra-op parallelism (results differ slightly between thread counts).",
        Parameter.Int("value", "Thread count.", min: 1, max: 1024).AsPositional().AsRequired()) with { Example = "threads 2" };

    public static readonly OperationSpec Split = OperationSpec.Create("split", Statement,
        "Splits a dataset into named parts by fractions (which must add up to 1), randomly and reproducibly.",
        Parameter.Flag("stratify", "Keep each class's proportion the same in every part."),
        Parameter.Int("seed", "Seed of the shuffle; defaults to the session seed.", min: 0, max: Limits.Seed)) with
    {
        Example = "split data into train=0.8 val=0.2 stratify",
        AcceptsExtraNamed = true,
    };

    public static readonly OperationSpec Preprocess = OperationSpec.Create("preprocess", Statement,
        "Fits preprocessing statistics on the training data and applies them to every dataset.",
        Parameter.Data("fit", "The dataset the statistics are computed from: a training split, or a loaded training file.") with { Default = "train" }) with
    {
        Example = "preprocess { standardize }",
    };

    public static readonly OperationSpec Train = OperationSpec.Create("train", Statement,
        "Trains a model on a dataset with mini-batch gradient descent, using the current optimizer.",
        Parameter.Int("epochs", "Passes over the training data (with `resume`: the total, including the epochs already done).", 10, min: 1, max: Limits.Count).In("epochs"),
        Parameter.Int("batch", "Mini-batch size.", 32, min: 1, max: Limits.Count).In("samples"),
        Parameter.Op("loss", "Loss function, with its arguments if any: `loss=huber(delta=0.5)`, or the name of a `loss NAME = …` statement.", OperationCategory.Loss, "cross_entropy"),
        Parameter.Data("validate", "A dataset evaluated after every epoch."),
        Parameter.Names("metrics", "C# metrics (`metric NAME = csharp { … }`) measured on the `validate` data after every epoch and shown as `val_NAME`."),
        Parameter.Flag("shuffle", "Reshuffle the training data every epoch.", true),
        Parameter.Flag("drop_last", "Leave out each epoch's last mini-batch when it is smaller than `batch` (PyTorch's `drop_last`). "
            + "Without it a last batch of one sample is still left out of training when the model has `batchnorm`: the statistics of one sample are undefined."),
        Parameter.Int("top_k", "Also measure top-k accuracy (the true class among the k highest scores) on validation and evaluation.", min: 2, max: Limits.Count),
        Parameter.Options("early_stop", "Stop when a metric stops improving and keep the best weights: `early_stop(metric=val_acc, patience=3)`.", OptionGroupSchema.EarlyStop),
        Parameter.Num("clip_norm", "Gradient clipping: rescale all gradients together so their global L2 norm is at most this.", min: 0, minExclusive: true),
        Parameter.Num("clip_value", "Gradient clipping: clamp every gradient element to [−v, v].", min: 0, minExclusive: true),
        Parameter.Int("accumulate", "Gradient accumulation: sum gradients over this many mini-batches per optimizer step (effective batch = batch × accumulate).", 1, min: 1, max: 4096),
        Parameter.Int("base_batch", "Linear scaling rule (Goyal et al.): the optimizer's lr is meant for this batch size and is multiplied by (batch × accumulate) / base_batch.", min: 1, max: Limits.Count).In("samples"),
        // fp32: bf16 rounds weights' products to 8 significant bits, and CPUs without bf16 units run it slower.
        Parameter.Choice("precision", "Number format of the arithmetic in convolutions and dense layers: `fp32`, or `bf16` (bfloat16, as PyTorch's "
            + "autocast: weights, optimizer state and batchnorm statistics stay fp32, the loss is computed in fp32). `bf16` is faster only on CPUs with "
            + "bfloat16 instructions (AVX-512 BF16 or AMX); elsewhere the checker warns (NS0711). Convolutions take any channel counts.", "fp32", "fp32", "bf16"),
        Parameter.Flag("checkpoint", "Write checkpoints to the run folder (last.ckpt every epoch and on Ctrl-C; best.ckpt with early stopping).", true),
        Parameter.Str("resume", "Continue exactly from a checkpoint file, or from a run folder's checkpoint of this model."),
        // 0.999: timm's usual decay, an average over the last ~1000 updates.
        Parameter.Num("ema", "Polyak averaging: keep an exponential moving average of the weights (ema = decay·ema + (1 − decay)·weights after every optimizer update); "
            + "validation and the trained model use the average. 0.999 or 0.9999 are usual.", min: 0, max: 1, minExclusive: true, maxExclusive: true),
        Parameter.Flag("ema_warmup", "With `ema=`: warm the decay up, decay = min(ema, (1 + t)/(10 + t)) at the update after t earlier ones, "
            + "so the average forgets the initial weights within the first updates instead of after ~1/(1 − ema) of them.", false),
        Parameter.Int("swa", "Stochastic weight averaging: the trained model is the equal average of the weights at the end of the last N epochs.", min: 1, max: Limits.Count).In("epochs"),
        Parameter.Flag("update_bn", "With `ema=` or `swa=`: recompute the batchnorm layers' running statistics for the averaged weights with one pass over the training data "
            + "(PyTorch's `update_bn`); `update_bn=false` keeps the statistics of training.", true),
        // 50: one sample costs about as much as one step of a small MLP, so every 50th step
        // keeps the overhead near 2% while an MNIST-sized epoch (469 steps) still gets ~10.
        Parameter.Int("stats", "Record per-layer statistics (activations, dead units, gradient norms, update/weight ratios) at the first step and every N steps after it; 0 turns them off.", 50, min: 0, max: Limits.Steps).In("steps")) with
    {
        Example = "train mlp on train epochs=100 batch=32 validate=val",
    };

    public static readonly OperationSpec Evaluate = OperationSpec.Create("evaluate", Statement,
        "Computes the loss and accuracy of a trained model on a dataset.",
        Parameter.Int("batch", "Batch size for evaluation (does not change the result).", 256, min: 1, max: Limits.Count).In("samples")) with
    {
        Example = "evaluate mlp on test",
    };

    public static readonly OperationSpec LrFind = OperationSpec.Create("lr_find", Statement,
        "Learning-rate range test: trains the model for a few mini-batches with the learning rate rising exponentially from `start` to `end`, "
        + "prints a suggested rate read off the smoothed loss (it does not set it), and restores the weights. "
        + "It also takes `train`'s `batch`, `loss`, `clip_norm` and `clip_value`, and uses the optimizer and regularization in force; "
        + "a transferred model's pretrained layers move at `lr_mult` × the tested rate.",
        Parameter.Num("start", "The first mini-batch's learning rate.", 1e-7, min: 0, minExclusive: true),
        Parameter.Num("end", "The last mini-batch's learning rate.", 10, min: 0, minExclusive: true),
        Parameter.Int("steps", "Mini-batches (learning rates) to try; the test stops early when the smoothed loss exceeds 4× its lowest.", 100, min: 2, max: Limits.Steps).In("steps"),
        Parameter.Choice("suggest", "The rule of the printed suggestion: the middle of the longest valley of the smoothed loss, its steepest descent, or a tenth of the rate of its minimum (all three are recorded).",
            "valley", "valley", "steepest", "minimum")) with
    {
        Example = "lr_find mlp on train start=1e-6 end=1 steps=100",
    };

    // Statements whose options live elsewhere (the source kind, the layers, the optimizer),
    // listed so that every statement has a summary and an example here.

    public static readonly OperationSpec Load = OperationSpec.Create("load", Statement,
        "Loads a dataset under a name: from the built-in catalog (`dataset`), a Parquet file or a CSV file; the arguments belong to the source.") with
    {
        Example = "load dataset \"spiral\" classes=3 as data",
    };

    public static readonly OperationSpec Model = OperationSpec.Create("model", Statement,
        "Declares a network as chains of layers; shapes are inferred when it first meets data.") with
    {
        Example = "model mlp { dense 100 -> relu; dense 3 }",
    };

    public static readonly OperationSpec Optimizer = OperationSpec.Create("optimizer", Statement,
        "Sets the optimizer that later `train` statements use (default: `adam lr=1e-3`).") with
    {
        Example = "optimizer sgd lr=0.1 momentum=0.9 nesterov",
    };

    public static readonly OperationSpec Kfold = OperationSpec.Create("kfold", Statement,
        "Splits a dataset into k folds for cross-validation: `train MODEL on FOLDS` then trains k fresh copies of the model, each validated on the fold it did not train on, and reports the mean and spread.",
        Parameter.Int("k", "Number of folds (at most the dataset's rows).", 5, min: 2, max: 100),
        Parameter.Flag("stratify", "Keep each class's proportion the same in every fold (counts differ by at most one)."),
        Parameter.Int("seed", "Seed of the shuffle that deals rows into folds; defaults to the session seed.", min: 0, max: Limits.Seed)) with
    {
        Example = "kfold train k=5 stratify as folds",
    };

    public static readonly OperationSpec Regularize = OperationSpec.Create("regularize", Statement,
        "Adds regularization to a model's later trainings: penalties (weight decay, L1, L2, elastic net, max-norm), data augmentation, label smoothing, mixup, CutMix, dropout.") with
    {
        Example = "regularize mlp { weight_decay 1e-4; label_smoothing 0.1 }",
    };

    public static readonly OperationSpec Schedule = OperationSpec.Create("schedule", Statement,
        "Sets the learning-rate schedule of later `train` statements, optionally after a linear warmup.") with
    {
        Example = "schedule cosine warmup=1 epoch",
    };

    public static readonly OperationSpec Loss = OperationSpec.Create("loss", Statement,
        "Names a loss: a built-in with fixed arguments, or a C# lambda over TorchSharp tensors; `train … loss=NAME` uses it.") with
    {
        Example = "loss smooth = cross_entropy label_smoothing=0.1",
    };

    public static readonly OperationSpec Metric = OperationSpec.Create("metric", Statement,
        "Names a metric computed in C# from predictions and targets; `train … metrics=[NAME]` measures it on the validation data after every epoch.") with
    {
        Example = "metric mae = csharp { (pred, target) => (pred - target).abs().mean() }",
    };

    public static readonly OperationSpec Layer = OperationSpec.Create("layer", Statement,
        "Names a layer for model chains: a parameter-free C# lambda, or a built-in with fixed arguments.") with
    {
        Example = "layer swish = csharp { x => x * torch.sigmoid(x) }",
    };

    public static readonly OperationSpec Search = OperationSpec.Create("search", Statement,
        "Searches hyperparameters: the statements after it run once per trial with `$name` replaced by a sampled value; the best trial by the chosen metric is kept.") with
    {
        Example = "search random trials=20 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }",
    };

    public static readonly OperationSpec Ensemble = OperationSpec.Create("ensemble", Statement,
        "Averages the predictions of several models: the model trained once per seed with the settings of its last `train` (`seeds=`), "
        + "the model's weights at the end of its last training's last epochs or cycles (`snapshots=`), "
        + "or the model as the best trials of the `search` before it trained it (`top=`); without `as` the ensemble takes the model's name.",
        Parameter.Ints("seeds", "Seeds, one member each (e.g. `[1, 2, 3]`); distinct.", min: 0, max: Limits.Seed),
        Parameter.Int("snapshots", "A snapshot ensemble: the members are the model's weights at the end of each of the last K epochs of its last training (of the last K cycles with `schedule cosine cycle=`), kept in memory (no retraining).", min: 2, max: Limits.Count),
        Parameter.Int("top", "The members are the model as the K best completed trials of the `search` before it trained it, read from the trials' weight files (no retraining); each member is built with its own trial's values.", min: 2, max: Limits.Count),
        Parameter.Choice("average", "What is averaged over the members.", "probabilities", "probabilities", "logits", "vote")) with
    {
        Example = "ensemble mlp seeds=[1, 2, 3] average=probabilities as committee",
    };

    public static readonly OperationSpec Transfer = OperationSpec.Create("transfer", Statement,
        "Loads a model's weights from a `.nnsm` model file or a `.ckpt` checkpoint of the same architecture, freezes the layers that match patterns, "
        + "re-initialises one layer (e.g. the head, resized at the next `train` for that data's classes) and sets the fine-tuning learning rate; "
        + "without `as` the model itself is changed.",
        Parameter.List("freeze", "Layer patterns whose weights stay fixed (e.g. `[conv*, batchnorm*]`): no gradient, no optimizer state."),
        Parameter.Pattern("replace", "The layer re-initialised for the new task (e.g. `dense:last`); the last layer is resized to the next training data's classes."),
        Parameter.Num("lr", "Learning rate of the next trainings; defaults to the optimizer's.", min: 0, minExclusive: true),
        Parameter.Num("lr_mult", "Discriminative learning rates: the pretrained layers that train use lr × lr_mult, the replaced layer lr itself.", 1, min: 0, minExclusive: true),
        Parameter.Int("unfreeze", "Gradual unfreezing: after this many epochs of the next `train`, the frozen layers train too (at lr × lr_mult).", min: 1, max: Limits.Count).In("epochs"),
        Parameter.Flag("freeze_bn", "Batchnorm layers among the frozen ones stay in eval mode, their running statistics unchanged; `freeze_bn=false` lets the statistics adapt to the new data.", true)) with
    {
        Example = "transfer cnn from \"models/base.nnsm\" freeze=[conv*] replace=dense:last lr=1e-3 as tuned",
    };

    public static readonly OperationSpec Export = OperationSpec.Create("export", Statement,
        "Writes a trained model — to a NetScript model file (`.nnsm`: weights, architecture, fitted preprocessing, classes; "
        + "read by `load model`, `transfer … from` and `netscript predict`) or to ONNX (`.onnx`, preprocessing as operators) — "
        + "or a dataset, after preprocessing, to Parquet (`.parquet`).") with
    {
        Example = "export mlp to \"models/mlp.nnsm\"",
    };

    public static IReadOnlyList<OperationSpec> All { get; } =
        [Seed, Threads, Load, Split, Kfold, Preprocess, Model, Regularize, Optimizer, Schedule, Loss, Metric, Layer, Train, Evaluate, LrFind, Search, Ensemble, Transfer, Export];
}
