using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lowered layer (<see cref="LayerSchema"/>, <see cref="ActivationSchema"/>) or a C# layer.</summary>
public abstract record LayerOperation(string Kind) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Layer;

    /// <summary>Owns a weight matrix or kernel, which a model's `init` line sets.</summary>
    public bool IsAffine => LayerSchema.Affine.Any(s => s.Name == Kind);
}
