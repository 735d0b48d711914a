using TorchSharp;

namespace NetScript.Runtime.Training.Optimizers;

/// <summary>The native scalars of one optimizer step, disposed together when the step ends.
/// TorchSharp 0.107 turns a double argument into a temporary <see cref="Scalar"/> that nothing
/// references once the call has read its handle, so a collection during the native call may
/// run the finalizer and free the c10::Scalar libtorch is about to read ("Unknown scalar
/// type", "Expected false to be true" from Scalar::toFloat, or a silently wrong number).
/// Every scalar made here stays reachable from this list until <see cref="Dispose"/>.</summary>
internal sealed class StepScalars : IDisposable
{
    readonly List<Scalar> made = [];

    /// <summary>A float64 scalar that lives until the step is over. Overloads of TorchSharp
    /// that omit a scalar (add_(t), addcdiv_(a, b), add_(s)) make their own temporary 1, so
    /// callers pass <c>Of(1)</c> explicitly instead.</summary>
    public Scalar Of(double value)
    {
        var scalar = value.ToScalar();
        made.Add(scalar);
        return scalar;
    }

    public void Dispose()
    {
        foreach (var scalar in made) scalar.Dispose();
        made.Clear();
    }
}
