using TorchSharp;

namespace NetScript.Data;

/// <summary>Native scalars made for one piece of per-step work (an optimizer step, a loss, a
/// clip, an augmentation of a batch), all kept alive until the scope is disposed — the scalar
/// counterpart of a dispose scope. TorchSharp 0.107 turns a number argument into a temporary
/// <see cref="Scalar"/> that nothing references once the call has read its handle, so a
/// collection during the native call may run the finalizer and free the c10::Scalar libtorch
/// is about to read ("Unknown scalar type", "Expected false to be true" from
/// Scalar::toFloat, or a silently wrong number). Under a REPL whose UI thread allocates, that
/// happens within seconds.
/// Overloads that omit a scalar make their own temporary 1 (add(t), add_(t), add(s),
/// addcdiv_(a, b), and so the operators <c>a + b</c>, <c>t + 0.5</c> and <c>1 − t</c>);
/// callers pass <c>Of(1)</c> explicitly instead, and write <c>a.add(b, s.Of(1))</c> for a
/// tensor sum. <c>arange(n)</c> makes a 0 and a 1: call <c>arange(s.Of(0), s.Of(n), s.Of(1))</c>.
/// It lives in the data layer, the lowest one that computes, so the runtime shares it.</summary>
public sealed class ScalarScope : IDisposable
{
    readonly List<Scalar> made = [];

    /// <summary>A float64 scalar that lives until the scope ends.</summary>
    public Scalar Of(double value) => Keep(value.ToScalar());

    /// <summary>An integer scalar that lives until the scope ends: what an implicit int
    /// conversion would have made, for exactly the same arithmetic.</summary>
    public Scalar Of(long value) => Keep(value.ToScalar());

    Scalar Keep(Scalar scalar)
    {
        made.Add(scalar);
        return scalar;
    }

    public void Dispose()
    {
        foreach (var scalar in made) scalar.Dispose();
        made.Clear();
    }
}
