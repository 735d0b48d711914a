using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A <c>schedule</c> statement; the checker carries it into each later <see cref="TrainStep"/>.</summary>
public sealed record ScheduleStep(ScheduleSettings Schedule, TextSpan Span) : PipelineStep(Span);
