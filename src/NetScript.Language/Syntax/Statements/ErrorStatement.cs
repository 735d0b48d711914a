using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A statement that failed to parse; its diagnostic is already reported.
/// <see cref="Declares"/> holds the names it looks like it was defining (the model's name, the
/// `as` alias), so the checker can keep later uses of them from cascading into more errors.</summary>
public sealed record ErrorStatement(Identifier Keyword, ImmutableArray<string> Declares, TextSpan Span) : Statement(Keyword, Span);
