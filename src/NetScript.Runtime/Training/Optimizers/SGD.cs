using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Optimizers;

/// <summary>torch.optim.SGD (momentum, dampening, Nesterov, L2 weight decay) with every scalar
/// kept alive through its native call (<see cref="ScalarScope"/>). Options, parameter groups,
/// per-parameter state and the state_dict are TorchSharp's; <see cref="step"/> repeats its
/// update operation for operation. The class keeps TorchSharp's name because save_state_dict
/// writes the type name and load_state_dict checks it, so saved state stays interchangeable.</summary>
public sealed class SGD(IEnumerable<TorchSharp.Modules.SGD.ParamGroup> groups, double lr, double momentum = 0, double dampening = 0,
    double weight_decay = 0, bool nesterov = false, bool maximize = false)
    : TorchSharp.Modules.SGD(groups, lr, momentum, dampening, weight_decay, nesterov, maximize)
{
    public override Tensor? step(Func<Tensor>? closure = null)
    {
        using var s = new ScalarScope();
        return _step<ParamGroup>(group =>
        {
            var o = group.Options;
            double momentum = o.momentum!.Value, dampening = o.dampening!.Value, decay = o.weight_decay!.Value, lr = o.LearningRate!.Value;
            bool nesterov = o.nesterov!.Value, maximize = o.maximize!.Value;
            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null) continue;
                if (decay != 0) grad = grad.add(param, s.Of(decay));
                if (momentum != 0)
                {
                    var buffer = state.momentum_buffer;
                    if (buffer is null)
                        state.momentum_buffer = buffer = grad.clone().detach().DetachFromDisposeScope();
                    else
                        buffer.mul_(s.Of(momentum)).add_(grad, s.Of(1 - dampening));
                    grad = nesterov ? grad.add(buffer, s.Of(momentum)) : buffer;
                }
                param.add_(grad, s.Of(maximize ? lr : -lr));
            }
        }, closure);
    }
}
