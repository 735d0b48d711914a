using System.Collections.Immutable;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Execution;

namespace NetScript.Hosting;

/// <summary>The outcome of one submission: its compilation (with syntax and checker
/// diagnostics) and, when it ran, how far it got.</summary>
public sealed record SubmissionResult(Compilation Compilation, ExecutionResult? Execution, string? RunFolder)
{
    public bool Succeeded => !Compilation.HasErrors && Execution is { Succeeded: true };

    public ImmutableArray<Diagnostic> Diagnostics =>
        Execution?.Failure is { } failure ? Compilation.Diagnostics.Add(failure) : Compilation.Diagnostics;
}
