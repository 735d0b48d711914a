using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Models;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;

namespace NetScript.Runtime.Training;

/// <summary>One training run: the model, its data, and the lowered <c>train</c> statement
/// (<see cref="Plan"/>) whose options, loss, optimizer, schedule and regularization it uses.</summary>
public sealed record TrainRequest(
    TrainedModel Model,
    string DataName,
    TensorDataset Data,
    TensorDataset? Validation,
    TrainPlan Plan,
    long Seed)
{
    /// <summary>Where last.ckpt and best.ckpt go; null writes no checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Where metrics (Parquet) and TensorBoard events go; null logs nothing.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>A checkpoint file to continue from.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>Fitted preprocessing in force, recorded in checkpoints and compared on resume.</summary>
    public IReadOnlyList<PreprocessingState> Preprocessing { get; init; } = [];

    /// <summary>How often the loop reads the loss back for progress (a host sync).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pauses the loop between steps when a host asks (null: never paused).</summary>
    public RunControl? Control { get; init; }

    /// <summary>The compiler that checked the script's snippets, which a C# loss is taken from
    /// (null: the process-wide one).</summary>
    public SnippetCompiler? Snippets { get; init; }

    /// <summary>C# metrics measured on <see cref="Validation"/> after every epoch.</summary>
    public IReadOnlyList<SnippetMetric> Metrics { get; init; } = [];
}
