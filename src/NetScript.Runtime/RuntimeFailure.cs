using NetScript.Language.Diagnostics;

namespace NetScript.Runtime;

/// <summary>A failure the user can act on, raised inside a step and reported by the executor
/// as a diagnostic at the step's position.</summary>
public sealed class RuntimeFailure : Exception
{
    public RuntimeFailure(string message, DiagnosticDescriptor? descriptor = null, object?[]? arguments = null)
        : base(message)
    {
        Descriptor = descriptor ?? DiagnosticCatalog.TrainingError;
        Arguments = arguments ?? [message];
    }

    public DiagnosticDescriptor Descriptor { get; }

    public object?[] Arguments { get; }
}
