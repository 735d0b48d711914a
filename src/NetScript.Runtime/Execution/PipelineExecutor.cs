using System.Runtime.InteropServices;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using NetScript.Scripting;
using TorchSharp;

namespace NetScript.Runtime.Execution;

/// <summary>Runs lowered steps in order against a workspace. A failing step becomes a
/// diagnostic at that statement; nothing escapes as an exception.</summary>
public sealed class PipelineExecutor(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    readonly DataSteps _data = new(workspace, observer, runFolder);
    readonly ModelExecutor _models = new(workspace, observer, runFolder);

    /// <summary>What summary.json holds: every training and evaluation this executor ran.</summary>
    public RunSummary Summary => _models.Summary;

    /// <summary>How often training reads its loss back for progress events (a host sync).</summary>
    public TimeSpan ProgressInterval
    {
        get => _models.ProgressInterval;
        init => _models.ProgressInterval = value;
    }

    /// <summary>Lets an interactive host pause training between steps.</summary>
    public RunControl? Control
    {
        get => _models.Control;
        init => _models.Control = value;
    }

    /// <summary>Lowers a checked program (<see cref="Lowerer"/>), then runs it.</summary>
    public ExecutionResult Execute(CheckedProgram program, CancellationToken cancellation) => Execute(Lowerer.Lower(program), cancellation);

    public ExecutionResult Execute(ProgramPlan program, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag(program.Source);
        int completed = 0;
        foreach (PipelineStep step in program.Steps)
        {
            observer.OnEvent(new StepStarted(completed, program.Steps.Length, program.Source.ToString(step.Span).Split('\n')[0].Trim(),
                program.Source.GetLocation(step.Span.Start).Line));
            try
            {
                TorchRuntime.EnsureLoaded();
                Run(step, cancellation);
                completed++;
            }
            catch (SnippetException e)
            {
                // Already a diagnostic, at the snippet line that failed (which may be in an earlier submission).
                return new ExecutionResult(completed, e.Diagnostic);
            }
            catch (Exception e)
            {
                RuntimeFailure failure = Describe(e, step);
                return new ExecutionResult(completed, diagnostics.Report(failure.Descriptor, step.Span, failure.Arguments));
            }
            finally
            {
                runFolder?.WriteJson("summary.json", _models.Summary);
            }
        }
        return new ExecutionResult(completed, null);
    }

    void Run(PipelineStep step, CancellationToken cancellation)
    {
        switch (step)
        {
            case SeedStep s:
                workspace.Seed = s.Seed;
                torch.manual_seed(s.Seed);
                break;
            case ThreadsStep s:
                torch.set_num_threads(s.Count);
                break;
            case LoadPlan s:
                _data.Load(s, cancellation);
                break;
            case SplitStep s:
                _data.Split(s);
                break;
            case KfoldStep s:
                _data.Kfold(s);
                break;
            case PreprocessPlan s:
                _data.Preprocess(s);
                break;
            case DeclareModelPlan s:
                _models.Define(s);
                break;
            case NoOpPlan:
                break;
            case TrainPlan s:
                _models.Train(s, cancellation);
                break;
            case EvaluatePlan s:
                _models.Evaluate(s);
                break;
            default:
                throw new RuntimeFailure($"no runtime implementation for {step.GetType().Name}");
        }
    }

    /// <summary>Maps an exception from a step to a user-facing diagnostic.</summary>
    static RuntimeFailure Describe(Exception exception, PipelineStep step) => exception switch
    {
        RuntimeFailure f => f,
        TrainingCancelledException { Checkpoint: { } path } => new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled,
            [StepNoun(step), $"; its state is saved in {ModelExecutor.Display(path)} (continue with resume=\"{ModelExecutor.Display(path)}\")"]),
        OperationCanceledException => new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled, [StepNoun(step), ""]),
        NonFiniteLossException n => new RuntimeFailure(n.Message, DiagnosticCatalog.NonFiniteLoss, [n.Model, n.Value, n.Epoch, n.Step,
            n.LastGoodCheckpoint is { } good ? $"; the last good checkpoint is {ModelExecutor.Display(good)}" : ""]),
        DataException d => new RuntimeFailure(d.Message, DiagnosticCatalog.DataError, [d.Message]),
        ExternalException x => new RuntimeFailure(x.Message, DiagnosticCatalog.TrainingError, ["libtorch: " + FirstLine(x.Message)]),
        IOException io => new RuntimeFailure(io.Message, DiagnosticCatalog.FileError, [io.Message]),
        UnauthorizedAccessException ua => new RuntimeFailure(ua.Message, DiagnosticCatalog.FileError, [ua.Message]),
        _ => new RuntimeFailure(exception.Message, DiagnosticCatalog.InternalError, [$"{exception.GetType().Name}: {FirstLine(exception.Message)}"]),
    };

    static string StepNoun(PipelineStep step) => step switch
    {
        TrainPlan { Folds: not null } t => $"cross-validation of `{t.Model}`",
        TrainPlan t => $"training of `{t.Model}`",
        EvaluatePlan e => $"evaluation of `{e.Model}`",
        _ => "the statement",
    };

    // libtorch messages carry a C++ backtrace after the first line; users need only the first.
    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
