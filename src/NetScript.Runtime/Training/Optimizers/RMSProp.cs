using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Optimizers;

/// <summary>torch.optim.RMSprop (centered, momentum, L2 weight decay) with every scalar kept
/// alive through its native call (<see cref="ScalarScope"/>). Options, parameter groups,
/// per-parameter state and the state_dict are TorchSharp's; <see cref="step"/> repeats its
/// update operation for operation. The name is TorchSharp's so saved state stays
/// interchangeable (save_state_dict writes the type name, load_state_dict checks it).</summary>
public sealed class RMSProp(IEnumerable<TorchSharp.Modules.RMSProp.ParamGroup> groups, double lr, double alpha = 0.99, double eps = 1e-8,
    double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
    : TorchSharp.Modules.RMSProp(groups, lr, alpha, eps, weight_decay, momentum, centered, maximize)
{
    public override Tensor? step(Func<Tensor>? closure = null)
    {
        using var s = new ScalarScope();
        return _step<ParamGroup>(group =>
        {
            var o = group.Options;
            double alpha = o.alpha!.Value, eps = o.eps!.Value, decay = o.weight_decay!.Value, momentum = o.momentum!.Value, lr = o.LearningRate!.Value;
            bool centered = o.centered!.Value, maximize = o.maximize!.Value;
            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null) continue;
                if (maximize) grad = -grad;
                state.step += 1;
                if (decay != 0) grad = grad.add(param, s.Of(decay));
                state.square_avg.mul_(s.Of(alpha)).addcmul_(grad, grad, s.Of(1 - alpha));   // v ← αv + (1−α)g²
                Tensor avg;
                if (centered)
                {
                    state.grad_avg.mul_(s.Of(alpha)).add_(grad, s.Of(1 - alpha));           // ḡ ← αḡ + (1−α)g
                    avg = state.square_avg.addcmul(state.grad_avg, state.grad_avg, s.Of(-1)).sqrt_().add_(s.Of(eps), s.Of(1));
                }
                else
                {
                    avg = state.square_avg.sqrt().add_(s.Of(eps), s.Of(1));
                }
                if (momentum > 0)
                {
                    state.momentum_buffer.mul_(s.Of(momentum)).addcdiv_(grad, avg, s.Of(1));
                    param.add_(state.momentum_buffer, s.Of(-lr));
                }
                else
                {
                    param.addcdiv_(grad, avg, s.Of(-lr));
                }
            }
        }, closure);
    }
}
