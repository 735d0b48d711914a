using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Describes a model file for the checker (its layers, input shape, loss) — implemented
/// by NetScript.Runtime, which owns the file format.</summary>
public interface IModelResolver
{
    /// <summary>The model, or null with <paramref name="error"/> set to a message for the user.</summary>
    /// <param name="span">Where the file's layers are reported (the statement that loads it).</param>
    ModelFileInfo? Describe(string path, TextSpan span, out string? error);

    /// <summary>The input shape the weights of a model file (`.nnsm`) or checkpoint (`.ckpt`)
    /// were trained on, or null with <paramref name="error"/> set (`transfer … from`).</summary>
    Shape? WeightsInput(string path, out string? error)
    {
        error = "this host cannot read model files or checkpoints";
        return null;
    }

    /// <summary>Null when the file's weights fit <paramref name="plan"/>'s layers tensor by
    /// tensor (names and shapes), else a message naming the first layer that does not.</summary>
    string? WeightsMismatch(string path, ModelPlan plan) => null;
}
