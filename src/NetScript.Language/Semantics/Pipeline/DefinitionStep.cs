using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A checked <c>loss</c>, <c>metric</c> or <c>layer</c> statement. Nothing runs for it
/// (the checker compiled the snippet; the steps that use the name carry what they need), but as a
/// step it commits the name to the session, also when it is all a REPL submission holds.</summary>
public sealed record DefinitionStep(DefinitionSymbol Definition, TextSpan Span) : PipelineStep(Span);
