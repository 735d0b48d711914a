using NetScript.Language.Semantics;
using NetScript.Runtime.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>One checked layer → its TorchSharp module. Every argument comes from the bound
/// arguments (schema defaults), input sizes from the plan's inferred shapes.</summary>
internal static class LayerFactory
{
    public static nn.Module<Tensor, Tensor> Create(LayerPlan layer, Scripting.SnippetCompiler snippets)
    {
        BoundArguments a = layer.Layer.Arguments;
        long inputs = layer.Input.Dims[0]; // features (flat) or channels (images)
        return layer.Layer.Kind switch
        {
            // (B, in) -> (B, units); PyTorch's default init unless the model has an `init` line.
            "dense" when a.Number("dropconnect") > 0 => new DropConnectLinear(inputs, a.Int("units"), a.Flag("bias"), a.Number("dropconnect")),
            "dense" => nn.Linear(inputs, a.Int("units"), hasBias: a.Flag("bias")),
            "maxout" => new Maxout(inputs, a.Int("units"), a.Int("k"), a.Flag("bias")),
            // (B, C, H, W) -> (B, channels, H', W')
            "conv" => nn.Conv2d(inputs, a.Int("channels"), a.Int("kernel"), stride: a.Int("stride"), padding: a.Int("pad"),
                dilation: a.Int("dilation"), bias: a.Flag("bias")),
            "maxpool" => nn.MaxPool2d(a.Int("kernel"), stride: a.OptionalInt("stride") ?? a.Int("kernel"), padding: a.Int("pad")),
            "avgpool" => AvgPool(a.Int("kernel"), a.OptionalInt("stride") ?? a.Int("kernel"), a.Int("pad")),
            "global_avgpool" => new GlobalAvgPool(),
            "flatten" => nn.Flatten(),
            // 1-D over features of a flat input, 2-D over channels of images.
            "batchnorm" => new BatchNormalization(inputs, a.Number("eps"), a.Number("momentum"), a.Flag("affine"), images: layer.Input.Rank > 1),
            "dropout" => nn.Dropout(a.Number("p")),
            "sigmoid" => nn.Sigmoid(),
            "tanh" => nn.Tanh(),
            "relu" => nn.ReLU(),
            "leaky_relu" => ScalarActivation.LeakyReLU(a.Number("alpha")),
            "prelu" => nn.PReLU(a.Flag("per_channel") ? inputs : 1, a.Number("init")),
            "elu" => ScalarActivation.ELU(a.Number("alpha")),
            "selu" => nn.SELU(),
            "gelu" => nn.GELU(a.Text("approximate") == "tanh" ? GELU.Approximate.tanh : GELU.Approximate.none),
            "softplus" => ScalarActivation.Softplus(a.Number("beta"), a.Number("threshold")),
            "pwl" => new PiecewiseLinearUnit(a.Number("k1"), a.Number("k2")),
            "residual" => new ResidualBlock(ModelBuilder.Children(layer.Body, snippets), layer.Shortcut is { } shortcut ? Create(shortcut, snippets) : null,
                a.Number("stochastic_depth"), a.Flag("per_sample")),
            _ => throw new RuntimeFailure($"layer `{layer.Layer.Kind}` has no runtime implementation"),
        };
    }

    static nn.Module<Tensor, Tensor> AvgPool(long kernel, long stride, long pad) =>
        nn.AvgPool2d((kernel, kernel), stride: (stride, stride), padding: (pad, pad));
}
