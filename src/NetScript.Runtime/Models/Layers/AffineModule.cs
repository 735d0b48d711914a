using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>A layer with an affine map's parameters: a weight (outputs, inputs, kernel…) and an
/// optional bias (outputs), registered as "weight" and "bias" like nn.Linear's and nn.Conv2d's and
/// initialised as theirs (<see cref="AffineInit"/>), so checkpoints, export and initialisers
/// treat NetScript's own layers as the built-in ones.</summary>
internal abstract class AffineModule : nn.Module<Tensor, Tensor>
{
    protected AffineModule(string name, long[] weightShape, bool bias) : base(name)
    {
        (Weight, Bias) = AffineInit.Create(weightShape, bias);
        register_parameter("weight", Weight);
        if (Bias is not null) register_parameter("bias", Bias);
    }

    protected Parameter Weight { get; }

    protected Parameter? Bias { get; }
}
