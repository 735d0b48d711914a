using System.Collections.Immutable;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Hosting;

/// <summary>The outcome of one submission: its compilation (with syntax and checker
/// diagnostics) and, when it ran, how far it got.</summary>
public sealed record SubmissionResult(Compilation Compilation, ExecutionResult? Execution, string? RunFolder)
{
    /// <summary>Informational notes, e.g. a REPL redefinition replacing an earlier one.</summary>
    public ImmutableArray<Diagnostic> Notes { get; init; } = ImmutableArray<Diagnostic>.Empty;

    /// <summary>The user stopped a training (REPL); the model keeps its weights and the
    /// session continues from there.</summary>
    public bool StoppedTraining { get; init; }

    public bool Succeeded => !Compilation.HasErrors && Execution is { Succeeded: true };

    /// <summary>It ran and was stopped (Ctrl-C in a script; a REPL's stop of anything but a training).</summary>
    public bool Cancelled => Execution is { Cancelled: true };

    /// <summary>It ran and a step failed (its diagnostic is in <see cref="Diagnostics"/>).</summary>
    public bool Failed => Execution is { Succeeded: false };

    public ImmutableArray<Diagnostic> Diagnostics =>
        Execution?.Failure is { } failure && !StoppedTraining ? Compilation.Diagnostics.Add(failure) : Compilation.Diagnostics;
}
