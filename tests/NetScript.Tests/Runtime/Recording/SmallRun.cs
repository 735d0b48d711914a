using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>The small training the recording tests share (spiral, a two-layer MLP, Adam,
/// 2 epochs of 6 steps), and one finished run of it with its checkpoint.</summary>
public static class SmallRun
{
    public const string Script = TrainingLoopTests.Data + """
        model m { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.01
        train m on train epochs=2 batch=16

        """;

    /// <summary>Script with other `train` arguments in place of <c>epochs=2</c>.</summary>
    public static string With(string arguments) => Script.Replace("epochs=2", arguments);

    static readonly Lazy<RunFolder> s_finished = new(() =>
    {
        var folder = RunFolder.Create(Scripts.TempDirectory(), "small.nns", Script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Script, workspace, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return folder;
    });

    /// <summary>A run folder in which <see cref="Script"/> finished its 2 epochs.</summary>
    public static RunFolder Finished => s_finished.Value;

    public static string Checkpoint => Path.Combine(Finished.Path, "m", "last.ckpt");
}
