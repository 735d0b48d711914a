using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Optimizers;

/// <summary>torch.optim.Adam (L2 weight decay added to the gradient, AMSGrad, maximize) with
/// every scalar kept alive through its native call (<see cref="ScalarScope"/>). Options,
/// parameter groups, per-parameter state and the state_dict are TorchSharp's;
/// <see cref="step"/> repeats its update operation for operation. The name is TorchSharp's so
/// saved state stays interchangeable (save_state_dict writes the type name, load_state_dict
/// checks it).</summary>
public sealed class Adam(IEnumerable<TorchSharp.Modules.Adam.ParamGroup> groups, double lr, double beta1 = 0.9, double beta2 = 0.999,
    double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
    : TorchSharp.Modules.Adam(groups, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
{
    public override Tensor? step(Func<Tensor>? closure = null)
    {
        using var s = new ScalarScope();
        return _step<ParamGroup>(group =>
        {
            var o = group.Options;
            double decay = o.weight_decay!.Value, lr = o.LearningRate!.Value;
            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null) continue;
                if (o.maximize!.Value) grad = -grad;
                state.step += 1;
                if (decay != 0) grad = grad.add(param, s.Of(decay));                   // g ← g + λw
                AdamUpdate.Apply(s, param, grad, state.step, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq,
                    o.beta1!.Value, o.beta2!.Value, o.eps!.Value, lr);
            }
        }, closure);
    }
}
