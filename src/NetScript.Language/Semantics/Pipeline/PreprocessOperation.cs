using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>One preprocessing step (<c>standardize</c>) with its checked arguments, and the
/// sample shapes the checker inferred for it (<c>pca</c> flattens to [k]).</summary>
public sealed record PreprocessOperation(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    /// <summary>The split its statistics are fitted on.</summary>
    public string? FitOn { get; init; }

    public Shape? Input { get; init; }

    public Shape? Output { get; init; }
}
