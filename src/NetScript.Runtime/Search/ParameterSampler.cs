using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>Maps a uniform number u in [0, 1) to a value of a search dimension: linear for
/// `uniform`, linear in the logarithm for `loguniform`, one of the evenly likely values for
/// `int` and `choice`. Every sampler draws through this, so a value's position in the unit
/// interval means the same thing everywhere (TPE and coarse-to-fine work in that space).</summary>
public static class ParameterSampler
{
    public static Value At(SearchDimension d, double u) => d.Kind switch
    {
        DistributionKind.Uniform => new NumberValue(d.Low + u * (d.High - d.Low), false),
        DistributionKind.LogUniform => new NumberValue(Math.Exp(Math.Log(d.Low) + u * (Math.Log(d.High) - Math.Log(d.Low))), false),
        DistributionKind.Int => new NumberValue(d.Low + d.Step * Math.Min(d.IntCount - 1, (long)Math.Floor(u * d.IntCount)), true),
        _ => d.Choices[Math.Min(d.Choices.Length - 1, (int)Math.Floor(u * d.Choices.Length))],
    };

    /// <summary>Where a value sits in the unit interval (the middle of its cell for `int` and `choice`).</summary>
    public static double UnitOf(SearchDimension d, Value value) => d.Kind switch
    {
        DistributionKind.Uniform => (TrialValues.Number(value) - d.Low) / (d.High - d.Low),
        DistributionKind.LogUniform => (Math.Log(TrialValues.Number(value)) - Math.Log(d.Low)) / (Math.Log(d.High) - Math.Log(d.Low)),
        DistributionKind.Int => ((TrialValues.Number(value) - d.Low) / d.Step + 0.5) / d.IntCount,
        _ => (d.Choices.IndexOf(value) + 0.5) / d.Choices.Length,
    };
}
