namespace NetScript.Hosting.Interactive;

/// <summary>One row of the REPL's per-layer table, sampled during training: activation mean
/// and standard deviation, the fraction of units that output zero for the whole sample
/// (dead ReLUs), the gradient norm of the layer's parameters and the update/weight ratio
/// (lr·|grad| / |w|; about 1e-3 is healthy, per the notes). Null where a layer has no such
/// quantity (e.g. a ReLU has no parameters).</summary>
public sealed record LayerStatistics(
    string Layer, double Mean, double Std, double? DeadFraction, double? GradientNorm, double? UpdateRatio);
