using System.ComponentModel;
using static TorchSharp.torch;

namespace NetScript.Scripting.Guards;

/// <summary>Called by compiled snippets in place of TorchSharp's matmul: the snippet's
/// <c>a.matmul(b)</c>, <c>torch.matmul(a, b)</c> and <c>matmul(a, b)</c> are rewritten to
/// <see cref="matmul"/> before emit (<see cref="Building.MatmulCalls"/>). Public only because
/// emitted code calls it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SnippetGuards
{
    /// <summary>The fully qualified name the rewrite inserts.</summary>
    internal const string MatmulName = "global::NetScript.Scripting.Guards.SnippetGuards.matmul";

    // Same name and parameter names as torch.matmul(input, target), so named arguments still bind.
#pragma warning disable IDE1006 // PyTorch's name, as the call it replaces.
    public static Tensor matmul(Tensor input, Tensor target)
#pragma warning restore IDE1006
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        string? error = MatmulRule.Check(input.shape, target.shape, input.dtype, target.dtype, input.device_type, target.device_type);
        if (error is not null) throw new SnippetGuardException(error);
        return input.matmul(target);
    }
}
