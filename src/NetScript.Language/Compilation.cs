using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language;

/// <summary>The single entry point of the front end: parse, then check against the symbols
/// of earlier submissions. <see cref="Program"/> is null while errors exist, so nothing can
/// run a pipeline that did not check.</summary>
public sealed class Compilation
{
    Compilation(ScriptSyntax syntax, ImmutableArray<Diagnostic> diagnostics, CheckedProgram? program)
    {
        Syntax = syntax;
        Diagnostics = diagnostics;
        Program = program;
    }

    public ScriptSyntax Syntax { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public CheckedProgram? Program { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static Compilation Create(SourceText source, CompilationOptions options, SessionSymbols? previous = null)
    {
        ScriptSyntax syntax = SyntaxParser.Parse(source);
        var diagnostics = new DiagnosticBag(source);
        diagnostics.AddRange(syntax.Diagnostics);
        CheckedProgram program = Checker.Check(syntax, previous ?? SessionSymbols.Empty, options, diagnostics);
        var all = AllowComments.Apply(syntax, diagnostics).ToImmutableArray();
        return new Compilation(syntax, all, all.Any(d => d.IsError) ? null : program);
    }
}
