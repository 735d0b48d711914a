using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>One preprocessing step (<c>standardize</c>) with its checked arguments.</summary>
public sealed record PreprocessOperation(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;
}
