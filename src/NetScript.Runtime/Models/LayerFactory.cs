using NetScript.Language.Lowering;
using NetScript.Runtime.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>One lowered layer → its TorchSharp module. Every argument comes from the layer's
/// operation (schema defaults already applied), input sizes from its inferred shapes.</summary>
internal static class LayerFactory
{
    public static nn.Module<Tensor, Tensor> Create(LayerSpec layer, Scripting.SnippetCompiler snippets)
    {
        long inputs = layer.Input.Dims[0]; // features (flat) or channels (images)
        return layer.Operation switch
        {
            // (B, in) -> (B, units); PyTorch's default init unless the model has an `init` line.
            DenseLayer d when d.DropConnect > 0 => new DropConnectLinear(inputs, d.Units, d.Bias, d.DropConnect),
            DenseLayer d => nn.Linear(inputs, d.Units, hasBias: d.Bias),
            MaxoutLayer m => new Maxout(inputs, m.Units, m.K, m.Bias),
            // (B, C, H, W) -> (B, channels, H', W')
            ConvLayer c => new Layers.Conv2d(inputs, c.Channels, c.Kernel, c.Stride, c.Pad, c.Dilation, c.Bias),
            // (B, C, L) or (B, F) as one channel -> (B, channels, L')
            Conv1dLayer c => new Layers.Conv1d(layer.Input.Rank == 1 ? 1 : inputs, c.Channels, c.Kernel, c.Stride, c.Pad, c.Dilation, c.Bias),
            // over each sample's last Dims dimensions (their sizes from the input shape)
            LayerNormLayer n => nn.LayerNorm([.. layer.Input.Dims.TakeLast((int)n.Dims).Select(d => (long)d)], n.Eps, n.Affine),
            SoftmaxLayer => nn.Softmax(1),
            EmbeddingLayer e => new Layers.Embedding(e.Vocab, e.Dim),
            PoolLayer { Average: false } p => nn.MaxPool2d(p.Kernel, stride: p.EffectiveStride, padding: p.Pad),
            PoolLayer p => nn.AvgPool2d((p.Kernel, p.Kernel), stride: (p.EffectiveStride, p.EffectiveStride), padding: (p.Pad, p.Pad)),
            GlobalAvgPoolLayer => new GlobalAvgPool(),
            FlattenLayer => nn.Flatten(),
            // 1-D over features of a flat input, 2-D over channels of images.
            BatchNormLayer b => new BatchNormalization(inputs, b.Eps, b.Momentum, b.Affine, images: layer.Input.Rank > 1),
            DropoutLayer d => nn.Dropout(d.P),
            ActivationLayer { Function: Activation.Sigmoid } => nn.Sigmoid(),
            ActivationLayer { Function: Activation.Tanh } => nn.Tanh(),
            ActivationLayer { Function: Activation.Relu } => nn.ReLU(),
            ActivationLayer { Function: Activation.Selu } => nn.SELU(),
            LeakyReluLayer l => ScalarActivation.LeakyReLU(l.Alpha),
            PreluLayer p => nn.PReLU(p.PerChannel ? inputs : 1, p.Init),
            EluLayer e => ScalarActivation.ELU(e.Alpha),
            GeluLayer g => nn.GELU(g.Approximate == GeluApproximation.Tanh ? GELU.Approximate.tanh : GELU.Approximate.none),
            SoftplusLayer s => ScalarActivation.Softplus(s.Beta, s.Threshold),
            PiecewiseLinearLayer p => new PiecewiseLinearUnit(p.K1, p.K2),
            ResidualLayer r => new ResidualBlock(ModelBuilder.Children(layer.Body, snippets), layer.Shortcut is { } shortcut ? Create(shortcut, snippets) : null,
                r.StochasticDepth, r.PerSample),
            _ => throw new RuntimeFailure($"layer `{layer.Kind}` has no runtime implementation"),
        };
    }
}
