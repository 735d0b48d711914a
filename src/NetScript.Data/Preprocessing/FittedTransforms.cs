namespace NetScript.Data;

/// <summary>Rebuilds fitted transforms from their saved state.</summary>
public static class FittedTransforms
{
    public static IFittedTransform Restore(TransformState state) => state.Kind switch
    {
        CenterTransform.Name => CenterTransform.FromState(state),
        StandardizeTransform.Name => StandardizeTransform.FromState(state),
        MinMaxTransform.Name => MinMaxTransform.FromState(state),
        ScaleTransform.Name => ScaleTransform.FromState(state),
        PcaTransform.Name => PcaTransform.FromState(state),
        ZcaTransform.Name => ZcaTransform.FromState(state),
        _ => throw new DataException($"cannot restore preprocessing `{state.Kind}`: no such step"),
    };
}
