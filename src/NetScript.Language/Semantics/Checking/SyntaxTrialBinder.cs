using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Binds a trial's values by checking the statements after the search again with the
/// values in force (<see cref="SearchBindings"/>): the trial gets the same checked steps a
/// script with those numbers written in would get.</summary>
internal sealed class SyntaxTrialBinder(SourceText source, ImmutableArray<Statement> body, ImmutableArray<Statement> tail,
    SessionSymbols before, CompilationOptions options, SearchPlan plan, long? trials) : ITrialBinder
{
    public TrialBinding Bind(IReadOnlyDictionary<string, Value> values)
    {
        var diagnostics = new DiagnosticBag(source);
        TrialProgram? program = Check(values, diagnostics, lint: false);
        return new TrialBinding(diagnostics.HasErrors ? null : program, diagnostics.ToList().ToImmutableArray());
    }

    /// <summary>Checks body and tail with <paramref name="values"/>; null when the body has errors.</summary>
    public TrialProgram? Check(IReadOnlyDictionary<string, Value> values, DiagnosticBag diagnostics, bool lint)
    {
        using var scope = SearchBindings.Use(values);
        CheckedProgram checkedBody = Checker.CheckPart(source, body, before, options, diagnostics, lint);
        if (diagnostics.HasErrors) return null;
        CheckedProgram checkedTail = Checker.CheckPart(source, tail, checkedBody.SymbolsAfterAll, options, diagnostics, lint,
            new TrialSearch(plan, trials, this, checkedBody));
        return new TrialProgram(checkedBody, checkedTail);
    }
}
