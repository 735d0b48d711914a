using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

public static partial class Lowerer
{
    /// <summary>A checked model plan (shapes inferred) as the runtime builds it.</summary>
    public static ModelSpec Model(ModelPlan plan) =>
        new(plan.Name, plan.Input, [.. plan.Layers.Select(Layer)]) { Init = plan.Init is { } init ? Init(init) : null };

    static LayerSpec Layer(LayerPlan plan) => new(Operation(plan.Layer), plan.Input, plan.Output, plan.Parameters)
    {
        Body = [.. plan.Body.Select(Layer)],
        Shortcut = plan.Shortcut is { } shortcut ? Layer(shortcut) : null,
    };

    static LayerOperation Operation(LayerDefinition layer)
    {
        if (layer.Snippet is { } snippet) return new CSharpLayer(layer.Kind, snippet);
        BoundArguments a = layer.Arguments;
        OperationSpec s = a.Spec;
        if (s == LayerSchema.Dense) return new DenseLayer(a.Int("units"), a.Flag("bias"), a.Number("dropconnect"));
        if (s == LayerSchema.Conv) return new ConvLayer(a.Int("channels"), a.Int("kernel"), a.Int("stride"), a.Int("pad"), a.Int("dilation"), a.Flag("bias"));
        if (s == LayerSchema.Conv1d) return new Conv1dLayer(a.Int("channels"), a.Int("kernel"), a.Int("stride"), a.Int("pad"), a.Int("dilation"), a.Flag("bias"));
        if (s == LayerSchema.LayerNorm) return new LayerNormLayer(a.Int("dims"), a.Number("eps"), a.Flag("affine"));
        if (s == LayerSchema.Softmax) return new SoftmaxLayer();
        if (s == LayerSchema.Embedding) return new EmbeddingLayer(a.Int("vocab"), a.Int("dim"));
        if (s == LayerSchema.MaxPool || s == LayerSchema.AvgPool) return new PoolLayer(s == LayerSchema.AvgPool, a.Int("kernel"), a.OptionalInt("stride"), a.Int("pad"));
        if (s == LayerSchema.GlobalAvgPool) return new GlobalAvgPoolLayer();
        if (s == LayerSchema.Flatten) return new FlattenLayer();
        if (s == LayerSchema.BatchNorm) return new BatchNormLayer(a.Number("eps"), a.Number("momentum"), a.Flag("affine"));
        if (s == LayerSchema.Dropout) return new DropoutLayer(a.Number("p"));
        if (s == LayerSchema.Maxout) return new MaxoutLayer(a.Int("units"), a.Int("k"), a.Flag("bias"));
        if (s == LayerSchema.Residual) return new ResidualLayer(a.Number("stochastic_depth"), a.Flag("per_sample"));
        if (s == ActivationSchema.Sigmoid || s == ActivationSchema.Tanh || s == ActivationSchema.Relu || s == ActivationSchema.Selu)
            return new ActivationLayer(s.Name, ChoiceText.Parse<Activation>(s.Name));
        if (s == ActivationSchema.LeakyRelu) return new LeakyReluLayer(a.Number("alpha"));
        if (s == ActivationSchema.Prelu) return new PreluLayer(a.Number("init"), a.Flag("per_channel"));
        if (s == ActivationSchema.Elu) return new EluLayer(a.Number("alpha"));
        if (s == ActivationSchema.Gelu) return new GeluLayer(Choice<GeluApproximation>(a, "approximate"));
        if (s == ActivationSchema.Softplus) return new SoftplusLayer(a.Number("beta"), a.Number("threshold"));
        if (s == ActivationSchema.Pwl) return new PiecewiseLinearLayer(a.Number("k1"), a.Number("k2"));
        throw NoLowering(s);
    }

    static InitSpec Init(InitSettings init)
    {
        BoundArguments a = init.Arguments;
        OperationSpec s = a.Spec;
        double bias = a.Number("bias");
        bool zeroResidual = a.Flag("zero_residual");
        if (s == InitSchema.Zeros) return new ZerosInit(bias, zeroResidual);
        if (s == InitSchema.Constant) return new ConstantInit(a.Number("value"), bias, zeroResidual);
        if (s == InitSchema.Normal) return new NormalInit(a.Number("std"), a.Number("mean"), bias, zeroResidual);
        if (s == InitSchema.Xavier || s == InitSchema.Glorot)
            return new XavierInit(s.Name, Choice<Distribution>(a, "dist"), Choice<FanMode>(a, "mode"), a.Number("gain"), bias, zeroResidual);
        if (s == InitSchema.Kaiming || s == InitSchema.Msra)
            return new KaimingInit(s.Name, Choice<Nonlinearity>(a, "nonlinearity"), a.Number("alpha"), Choice<Distribution>(a, "dist"), Choice<FanMode>(a, "mode"),
                bias, zeroResidual);
        if (s == InitSchema.Sparse) return new SparseInit(a.Int("k"), a.Number("std"), bias, zeroResidual);
        throw NoLowering(s);
    }
}
