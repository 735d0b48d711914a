using NetScript.Runtime.Events;

namespace NetScript.Hosting.Statistics;

/// <summary>One row of every per-layer table — the REPL's live pane, `:stats` and
/// `netscript stats` — from a live sample or read back from a run folder's
/// <c>layers.parquet</c>. <see cref="UpdateRatio"/> is ‖Δθ‖ / ‖θ‖: the norm of the update
/// the optimizer made at the sampled step over the norm of the layer's parameters (about
/// 1e-3 is healthy; see <c>docs/guide.md</c>). Null where a layer has no such quantity
/// (a ReLU has no parameters; only rectifiers have dead units).</summary>
public sealed record LayerRow(
    string Layer, string Kind, double Mean, double Std, double Min, double Max,
    double? ZeroFraction, double? DeadFraction, double? SaturatedFraction,
    double? WeightNorm, double? GradientNorm, double? UpdateRatio)
{
    public static LayerRow From(LayerSample l) =>
        new(l.Layer, l.Kind, l.Mean, l.Std, l.Min, l.Max, l.ZeroFraction, l.DeadFraction, l.SaturatedFraction,
            l.WeightNorm, l.GradientNorm, l.UpdateRatio);
}
