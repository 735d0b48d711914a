using NetScript.Language.Lowering;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Maps a lowered optimizer onto torch.optim's algorithms, as NetScript's GC-safe subclasses in
/// <see cref="Optimizers"/>: TorchSharp's own steps pass temporary scalars to libtorch that a
/// collection can free mid-call. Weight decay goes to a parameter group of the weights
/// (tensors with ≥ 2 dimensions: matrices and kernels); biases, batchnorm's γ/β and learned
/// activation slopes (1-D) form a second group without decay unless <c>decay_all</c>.</summary>
public static class OptimizerFactory
{
    /// <param name="learningRateScale">The linear scaling rule's factor (1 when not used).</param>
    /// <param name="rateFactor">A factor of each parameter's rate (discriminative rates of a
    /// transferred model); parameters with the same factor share groups, factor 1 first.</param>
    public static OptimizerHelper Create(OptimizerSpec settings, IEnumerable<Parameter> parameters, double learningRateScale = 1,
        Func<Parameter, double>? rateFactor = null)
    {
        double lr = settings.LearningRate * learningRateScale;
        double decay = settings.WeightDecay;
        var all = parameters.ToList();
        rateFactor ??= _ => 1;
        // The groups of each factor in turn; the order of groups and parameters is fixed, which
        // checkpoints of the optimizer's state rely on.
        var groups = all.Select(rateFactor).Distinct().OrderBy(f => f == 1 ? 0 : 1)
            .SelectMany(factor => Groups(settings, [.. all.Where(p => rateFactor(p) == factor)], lr * factor))
            .ToList();
        if (groups.Count == 0) groups.Add(Group(settings, [], lr, decay)); // every layer frozen: an optimizer with nothing to update
        return settings switch
        {
            SgdOptimizer o => new Optimizers.SGD(groups.Cast<SGD.ParamGroup>(), lr,
                momentum: o.Momentum, nesterov: o.Nesterov, weight_decay: decay),
            RmsPropOptimizer o => new Optimizers.RMSProp(groups.Cast<RMSProp.ParamGroup>(), lr,
                alpha: o.Alpha, eps: o.Eps, weight_decay: decay, momentum: o.Momentum, centered: o.Centered),
            AdamOptimizer { Decoupled: false } o => new Optimizers.Adam(groups.Cast<Adam.ParamGroup>(), lr,
                beta1: o.Beta1, beta2: o.Beta2, eps: o.Eps, weight_decay: decay),
            AdamOptimizer o => new Optimizers.AdamW(groups.Cast<AdamW.ParamGroup>(), lr,
                beta1: o.Beta1, beta2: o.Beta2, eps: o.Eps, weight_decay: decay),
            _ => throw new RuntimeFailure($"optimizer `{settings.Kind}` has no runtime implementation"),
        };
    }

    /// <summary>A parameter group of the optimizer <paramref name="settings"/> describes, at rate
    /// <paramref name="lr"/>: what the optimizer is made of, and what unfreezing adds to it.</summary>
    public static ParamGroup Group(OptimizerSpec settings, List<Parameter> parameters, double lr, double decay) => settings switch
    {
        SgdOptimizer => new SGD.ParamGroup(parameters, new SGD.Options { weight_decay = decay, LearningRate = lr }),
        RmsPropOptimizer => new RMSProp.ParamGroup(parameters, new RMSProp.Options { weight_decay = decay, LearningRate = lr }),
        AdamOptimizer { Decoupled: false } => new Adam.ParamGroup(parameters, new Adam.Options { weight_decay = decay, LearningRate = lr }),
        AdamOptimizer => new AdamW.ParamGroup(parameters, new AdamW.Options { weight_decay = decay, LearningRate = lr }),
        _ => throw new RuntimeFailure($"optimizer `{settings.Kind}` has no runtime implementation"),
    };

    /// <summary>The groups of <paramref name="parameters"/> at rate <paramref name="lr"/>: one, or
    /// with weight decay (and not <c>decay_all</c>) the weights with decay, then the rest without,
    /// each when it has parameters. <see cref="Create"/> makes one set per rate factor, and
    /// unfreezing adds one.</summary>
    public static IEnumerable<ParamGroup> Groups(OptimizerSpec settings, List<Parameter> parameters, double lr)
    {
        double decay = settings.WeightDecay;
        if (decay == 0 || settings.DecayAll)
        {
            yield return Group(settings, parameters, lr, decay);
            yield break;
        }
        if (parameters.Where(p => p.dim() >= 2).ToList() is { Count: > 0 } weights) yield return Group(settings, weights, lr, decay);
        if (parameters.Where(p => p.dim() < 2).ToList() is { Count: > 0 } others) yield return Group(settings, others, lr, 0);
    }
}
