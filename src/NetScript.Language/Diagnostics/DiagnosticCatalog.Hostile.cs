namespace NetScript.Language.Diagnostics;

/// <summary>Diagnostics for input that used to pass unnoticed: numbers past a limit, data too
/// small to train on, settings whose consequence is known before any compute.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ArgumentTooLarge =
        Error("NS0210", "Argument too large", "`{0}` of `{1}` is too large: the limit is {2}, got {3}");

    public static readonly DiagnosticDescriptor LayerTooLarge =
        Error("NS0304", "Layer too large", "`{0}` would have {1} parameters, more than the limit of {2} (8 GB of float32 weights)");

    public static readonly DiagnosticDescriptor EmptySplitPart =
        Error("NS0740", "Empty split part", "`{0}` would get 0 of the {1} rows of `{2}`; give it a fraction of at least {3}");

    public static readonly DiagnosticDescriptor NoRows =
        Error("NS0741", "Dataset without rows", "`{0}` has no rows, so it cannot be {1}");

    public static readonly DiagnosticDescriptor SingleClass =
        Warning("NS0520", "One class only",
            "`{0}` has a single class: every prediction is that class, so the loss reaches 0 and the accuracy 1 without learning anything; check `classes=` and the label column");

    public static readonly DiagnosticDescriptor NonFiniteMetric =
        Error("NS0742", "Metric not finite",
            "the {0} of `{1}` {2} is {3}, which is not a result; non-finite outputs come from an exploding loss, a batchnorm whose running statistics saw a one-sample batch, or a C# metric that divides by zero");

    public static readonly DiagnosticDescriptor SnippetProbeTimeout =
        Error("NS0743", "Snippet did not finish on a dummy batch",
            "{0} did not finish within {1} s on a dummy batch (an endless loop or recursion, or far too much work for a batch of a few samples); it is not run again");

    public static readonly DiagnosticDescriptor ProcessEnded =
        Error("NS0744", "Script code ended the process",
            "C# code in the script ended the process with exit code {0} (Environment.Exit) before the script finished; results written so far are kept");
}
