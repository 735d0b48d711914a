using NetScript.Language.Lowering;
using NetScript.Runtime.Training.Losses;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>A built module with the plan it was built from, and the loss it trains with once
/// training has started (a loss may own parameters: hierarchical softmax's output layer).</summary>
public sealed class TrainedModel(ModelSpec plan, nn.Module<Tensor, Tensor> module) : IDisposable
{
    public ModelSpec Plan { get; } = plan;

    public nn.Module<Tensor, Tensor> Module { get; } = module;

    /// <summary>Set by the first training run; replaced (and the old one disposed) by a run
    /// with another loss.</summary>
    public LossFunction? Loss { get; private set; }

    /// <summary>The settings <see cref="Loss"/> was made from ("huber(delta=0.5)").</summary>
    public string? LossDescription { get; private set; }

    /// <summary>Learned parameters of the model and of its loss.</summary>
    public IEnumerable<Parameter> Parameters => Loss is null ? Module.parameters() : Module.parameters().Concat(Loss.parameters());

    /// <summary>The parameters the optimizer updates: those of layers that are not frozen.</summary>
    public IEnumerable<Parameter> TrainableParameters => Parameters.Where(p => p.requires_grad);

    public long ParameterCount => Parameters.Sum(p => p.numel());

    public void UseLoss(LossFunction loss, string description)
    {
        if (!ReferenceEquals(loss, Loss)) Loss?.Dispose();
        Loss = loss;
        LossDescription = description;
    }

    public void Dispose()
    {
        Module.Dispose();
        Loss?.Dispose();
    }
}
