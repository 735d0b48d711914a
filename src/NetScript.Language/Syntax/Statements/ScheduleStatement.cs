using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>schedule cosine warmup=1 epoch</c>: the learning-rate schedule of later trainings.</summary>
public sealed record ScheduleStatement(Identifier Keyword, Identifier Kind, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
