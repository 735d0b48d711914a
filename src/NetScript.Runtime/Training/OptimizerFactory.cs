using NetScript.Language.Semantics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Maps checked optimizer settings onto torch.optim (defaults come from the schema
/// through the bound arguments).</summary>
public static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSettings settings, IEnumerable<Parameter> parameters)
    {
        var a = settings.Arguments;
        return settings.Kind switch
        {
            "sgd" => optim.SGD(parameters, a.Number("lr"), momentum: a.Number("momentum"),
                weight_decay: a.Number("weight_decay"), nesterov: a.Flag("nesterov")),
            "adam" => optim.Adam(parameters, lr: a.Number("lr"), beta1: a.Number("beta1"), beta2: a.Number("beta2"),
                eps: a.Number("eps"), weight_decay: a.Number("weight_decay")),
            _ => throw new RuntimeFailure($"optimizer `{settings.Kind}` has no runtime implementation"),
        };
    }
}
