using NetScript.Runtime.Events;

namespace NetScript.Runtime.Statistics.Reporting;

/// <summary>One row of a per-layer table: the scalar statistics of a <see cref="LayerSample"/>,
/// from a live event or read back from a run folder's <c>layers.parquet</c>.</summary>
public sealed record LayerSummary(
    string Layer, string Kind, double Mean, double Std, double Min, double Max,
    double? ZeroFraction, double? DeadFraction, double? SaturatedFraction,
    double? WeightNorm, double? GradientNorm, double? UpdateRatio)
{
    public static LayerSummary From(LayerSample l) =>
        new(l.Layer, l.Kind, l.Mean, l.Std, l.Min, l.Max, l.ZeroFraction, l.DeadFraction, l.SaturatedFraction,
            l.WeightNorm, l.GradientNorm, l.UpdateRatio);
}
