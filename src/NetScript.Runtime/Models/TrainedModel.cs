using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>A built module with the plan it was built from.</summary>
public sealed class TrainedModel(ModelPlan plan, nn.Module<Tensor, Tensor> module) : IDisposable
{
    public ModelPlan Plan { get; } = plan;

    public nn.Module<Tensor, Tensor> Module { get; } = module;

    public long ParameterCount => Module.parameters().Sum(p => p.numel());

    public void Dispose() => Module.Dispose();
}
