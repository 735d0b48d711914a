using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A REPL command (<c>:load file.nns</c>) passed through in order with the other steps
/// of an interactive compilation; the host runs it (scripts reject commands, NS0008).
/// <see cref="Argument"/> is the rest of the line, trimmed and unquoted.</summary>
public sealed record CommandStep(string Name, string Argument, TextSpan Span) : PipelineStep(Span);
