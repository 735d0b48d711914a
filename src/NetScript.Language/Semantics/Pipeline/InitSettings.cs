using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A model's <c>init KIND ARGS</c> line, checked against <see cref="Schema.InitSchema"/>.</summary>
public sealed record InitSettings(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    public double Bias => Arguments.Number("bias");

    public override string ToString() => $"{Kind}({Arguments.Describe()})";
}
