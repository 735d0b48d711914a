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
    public static OptimizerHelper Create(OptimizerSpec settings, IEnumerable<Parameter> parameters, double learningRateScale = 1)
    {
        double lr = settings.LearningRate * learningRateScale;
        double decay = settings.WeightDecay;
        var all = parameters.ToList();
        // One group when every parameter decays the same; the order of groups and parameters
        // is fixed, which checkpoints of the optimizer's state rely on.
        var groups = decay == 0 || settings.DecayAll
            ? [(all, decay)]
            : new List<(List<Parameter> Parameters, double Decay)> { (all.Where(p => p.dim() >= 2).ToList(), decay), (all.Where(p => p.dim() < 2).ToList(), 0.0) };
        groups.RemoveAll(g => g.Parameters.Count == 0);
        return settings switch
        {
            SgdOptimizer o => new Optimizers.SGD(groups.Select(g => new SGD.ParamGroup(g.Parameters, new SGD.Options { weight_decay = g.Decay })), lr,
                momentum: o.Momentum, nesterov: o.Nesterov, weight_decay: decay),
            RmsPropOptimizer o => new Optimizers.RMSProp(groups.Select(g => new RMSProp.ParamGroup(g.Parameters, new RMSProp.Options { weight_decay = g.Decay })), lr,
                alpha: o.Alpha, eps: o.Eps, weight_decay: decay, momentum: o.Momentum, centered: o.Centered),
            AdamOptimizer { Decoupled: false } o => new Optimizers.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, new Adam.Options { weight_decay = g.Decay })), lr,
                beta1: o.Beta1, beta2: o.Beta2, eps: o.Eps, weight_decay: decay),
            AdamOptimizer o => new Optimizers.AdamW(groups.Select(g => new AdamW.ParamGroup(g.Parameters, new AdamW.Options { weight_decay = g.Decay })), lr,
                beta1: o.Beta1, beta2: o.Beta2, eps: o.Eps, weight_decay: decay),
            _ => throw new RuntimeFailure($"optimizer `{settings.Kind}` has no runtime implementation"),
        };
    }
}
