using NetScript.Language.Diagnostics;

namespace NetScript.Runtime.Execution;

/// <summary>How far a program ran: the number of steps that completed, and the diagnostic
/// that stopped it (null when all completed).</summary>
public sealed record ExecutionResult(int StepsCompleted, Diagnostic? Failure)
{
    public bool Succeeded => Failure is null;

    public bool Cancelled => Failure?.Descriptor == DiagnosticCatalog.Cancelled;
}
