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
        var fitted = new List<IFittedTransform>();
        Tensor current = features;
        try
        {
            foreach (PreprocessingSpec operation in operations)
            {
                IFittedTransform transform = PreprocessingFactory.Fit(operation, current, fitOn);
                fitted.Add(transform);
                Tensor next = transform.Apply(current);
                if (!ReferenceEquals(current, features)) current.Dispose();
                current = next;
            }
            return fitted;
        }
        catch
        {
            foreach (IFittedTransform transform in fitted) transform.Dispose();
            throw;
        }
        finally
        {
            if (!ReferenceEquals(current, features)) current.Dispose();
        }
    }
}
