using NetScript.Data;
using NetScript.Language.Lowering;
using static TorchSharp.torch;

namespace NetScript.Runtime.Data;

/// <summary>Fits the steps of a `preprocess` block in order, each on the fit data as the
/// steps before it transformed it — for the session's training split, and again for each
/// fold's training part in cross-validation.</summary>
internal static class PreprocessingChain
{
    /// <summary>The fitted transforms, owned by the caller; <paramref name="features"/> is not changed.</summary>
    public static List<IFittedTransform> Fit(IEnumerable<PreprocessingSpec> operations, Tensor features, string fitOn)
    {
        var (fitted, transformed) = FitAndTransform(operations, features, fitOn);
        if (!ReferenceEquals(transformed, features)) transformed.Dispose();
        return fitted;
    }

    /// <summary>The fitted transforms and the fit data after them (a new tensor the caller
    /// owns, or <paramref name="features"/> itself when there are no steps): fitting computes
    /// it anyway, so the fit dataset is not transformed a second time. With
    /// <paramref name="overwrite"/> elementwise steps overwrite <paramref name="features"/>
    /// (the caller's, no longer needed as they were), so the result is usually
    /// <paramref name="features"/> itself; if a step fails they are left part-transformed.</summary>
    public static (List<IFittedTransform> Fitted, Tensor Transformed) FitAndTransform(IEnumerable<PreprocessingSpec> operations, Tensor features, string fitOn,
        bool overwrite = false)
    {
        var fitted = new List<IFittedTransform>();
        Tensor current = features;
        try
        {
            foreach (PreprocessingSpec operation in operations)
            {
                IFittedTransform transform = PreprocessingFactory.Fit(operation, current, fitOn);
                fitted.Add(transform);
                bool ours = !ReferenceEquals(current, features);
                Tensor next = ours || overwrite ? transform.ApplyInPlace(current) : transform.Apply(current);
                if (ours && !ReferenceEquals(next, current)) current.Dispose();
                current = next;
            }
            return (fitted, current);
        }
        catch
        {
            foreach (IFittedTransform transform in fitted) transform.Dispose();
            if (!ReferenceEquals(current, features)) current.Dispose();
            throw;
        }
    }
}
