using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record OptimizerSettings(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    public double LearningRate => Arguments.Number("lr");

    public override string ToString() => $"{Kind}({Arguments.Describe()})";
}
