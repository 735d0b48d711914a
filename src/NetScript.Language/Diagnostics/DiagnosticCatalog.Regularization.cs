namespace NetScript.Language.Diagnostics;

/// <summary>NS072x: schedules and `regularize` settings that do not fit the training they
/// apply to (checked before any compute, except the warmup's length, which depends on the
/// exact number of updates).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor RegularizationConflict =
        Error("NS0720", "Conflicting regularization", "`{0}` cannot be combined with `{1}`: {2}");

    public static readonly DiagnosticDescriptor RegularizationDoesNotApply =
        Error("NS0721", "Regularization does not apply", "`{0}` of `regularize {1}` does not apply to {2}: {3}");

    public static readonly DiagnosticDescriptor AugmentationShape =
        Error("NS0722", "Augmentation changes the shape", "augmentation `{0}` makes {1} images, but model `{2}` trains on {3}; leave out the size so it keeps the images' size");

    public static readonly DiagnosticDescriptor WarmupTooLong =
        Error("NS0723", "Warmup longer than training", "the schedule's warmup of {0} ({1} updates) does not end before training of `{2}` does ({3} updates in all)");
}
