using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>The parse of one source: its statements and syntax diagnostics.</summary>
public sealed record ScriptSyntax(SourceText Source, ImmutableArray<Statement> Statements, ImmutableArray<Diagnostic> Diagnostics);
