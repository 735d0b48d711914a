using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>export NAME to "PATH"</c>: a model to a NetScript model file or ONNX, or a
/// dataset (as the session's preprocessing left it) to Parquet. <see cref="Path"/> is resolved
/// against the script's folder.</summary>
public sealed record ExportStep(string Name, string Path, ExportFormat Format, TextSpan Span) : PipelineStep(Span)
{
    /// <summary>The model's plan (null for a dataset).</summary>
    public ModelPlan? Plan { get; init; }

    /// <summary>The model's loss (null for a dataset).</summary>
    public LossSettings? Loss { get; init; }

    /// <summary>Classes the model predicts (0: it does not classify).</summary>
    public int Classes { get; init; }

    /// <summary>Whether the session's fitted preprocessing belongs to the model (its output is
    /// what the model takes), and so is exported with it.</summary>
    public bool Preprocessed { get; init; }

    /// <summary>The shape of one raw sample, before the session's preprocessing.</summary>
    public Shape? RawInput { get; init; }
}
