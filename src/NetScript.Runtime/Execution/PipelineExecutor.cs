using System.Runtime.InteropServices;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
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
    readonly Export.ExportSteps _exports = new(workspace, observer);

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

    /// <summary>Where searches run their trials.</summary>
    public Search.TrialBackend SearchBackend { get; init; }

    /// <summary>Set in a search's worker process: run the script's search as that worker.</summary>
    public Search.SearchWorkerRole? Worker { get; init; }

    /// <summary>Lowers a checked program (<see cref="Lowerer"/>), then runs it.</summary>
    public ExecutionResult Execute(CheckedProgram program, CancellationToken cancellation) => Execute(Lowerer.Lower(program), cancellation);

    public ExecutionResult Execute(ProgramPlan program, CancellationToken cancellation)
    {
        if (workspace.Smoke) program = SmokePlan.Reduce(program);
        var diagnostics = new DiagnosticBag(program.Source);
        int completed = 0;
        foreach (PipelineStep step in program.Steps)
        {
            observer.OnEvent(new StepStarted(completed, program.Steps.Length, program.Source.ToString(step.Span).Split('\n')[0].Trim(),
                program.Source.GetLocation(step.Span.Start).Line));
            Diagnostic? failure = RunStep(step, diagnostics, cancellation);
            // The summary is written after every step, failed ones included; when the step
            // failed, its error is the one to report (a full disk fails both).
            Diagnostic? summary = WriteSummary(step, diagnostics, report: failure is null);
            if ((failure ?? summary) is { } first) return new ExecutionResult(completed, first);
            completed++;
            // A search worker runs its trials and nothing after them (the submitting process does).
            if (step is SearchStep && Worker is not null) return new ExecutionResult(completed, null);
        }
        return new ExecutionResult(completed, null);
    }

    Diagnostic? RunStep(PipelineStep step, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            if (step is SearchStep search) return RunSearch(search, cancellation);
            Run(step, cancellation);
            return null;
        }
        catch (SnippetException e)
        {
            // Already a diagnostic, at the snippet line that failed (which may be in an earlier submission).
            return e.Diagnostic;
        }
        catch (Exception e)
        {
            RuntimeFailure failure = Describe(e, step);
            return diagnostics.Report(failure.Descriptor, step.Span, failure.Arguments);
        }
    }

    /// <summary>A search's trials, then (outside a worker) the statements after them, once, with
    /// the best trial's values and models.</summary>
    Diagnostic? RunSearch(SearchStep search, CancellationToken cancellation)
    {
        if (Worker is { } role)
        {
            Search.SearchRunner.RunAsWorker(search, workspace, role, cancellation);
            return null;
        }
        var runner = new Search.SearchRunner(workspace, observer, runFolder?.NextSearchFolder(), SearchBackend);
        CheckedProgram tail = runner.Run(search, cancellation);
        workspace.SearchTrials = runner.Ranked;
        return Execute(tail, cancellation).Failure;
    }

    Diagnostic? WriteSummary(PipelineStep step, DiagnosticBag diagnostics, bool report)
    {
        try
        {
            runFolder?.WriteJson("summary.json", _models.Summary);
            return null;
        }
        catch (RecordingException e) when (report)
        {
            return diagnostics.Report(DiagnosticCatalog.RecordingFailed, step.Span, e.Message);
        }
        catch (RecordingException)
        {
            return null;
        }
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
            case EnsemblePlan s:
                _models.Ensemble(s, cancellation);
                break;
            case EvaluatePlan s:
                _models.Evaluate(s);
                break;
            case LrFindPlan s:
                _models.FindLearningRate(s, cancellation);
                break;
            case ExportStep s:
                _exports.Export(s);
                break;
            case LoadModelStep s:
                _exports.LoadModel(s);
                break;
            case TransferPlan s:
                _exports.Transfer(s);
                break;
            default:
                throw new RuntimeFailure($"no runtime implementation for {step.GetType().Name}");
        }
    }

    /// <summary>Maps an exception from a step to a user-facing diagnostic.</summary>
    static RuntimeFailure Describe(Exception exception, PipelineStep step) => exception switch
    {
        RuntimeFailure f => f,
        RecordingException r => new RuntimeFailure(r.Message, DiagnosticCatalog.RecordingFailed, [r.Message]),
        TrainingCancelledException { Checkpoint: { } path } => new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled,
            [StepNoun(step), $"; its state is saved in {ModelExecutor.Display(path)} (continue with resume=\"{ModelExecutor.Display(path)}\")"]),
        OperationCanceledException => new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled, [StepNoun(step), ""]),
        NonFiniteLossException n => new RuntimeFailure(n.Message, DiagnosticCatalog.NonFiniteLoss, [n.Model, n.Value, n.Epoch, n.Step,
            n.LastGoodCheckpoint is { } good ? $"; the last good checkpoint is {ModelExecutor.Display(good)}" : ""]),
        DataException d => new RuntimeFailure(d.Message, DiagnosticCatalog.DataError, [d.Message]),
        ExternalException x => new RuntimeFailure(x.Message, DiagnosticCatalog.TrainingError, ["libtorch: " + FirstLine(x.Message)]),
        IOException or UnauthorizedAccessException => new RuntimeFailure(exception.Message, DiagnosticCatalog.FileError, [FirstLine(exception.Message)]),
        _ => new RuntimeFailure(exception.Message, DiagnosticCatalog.InternalError, [$"{exception.GetType().Name}: {FirstLine(exception.Message)}"]),
    };

    static string StepNoun(PipelineStep step) => step switch
    {
        TrainPlan { Folds: not null } t => $"cross-validation of `{t.Model}`",
        TrainPlan t => $"training of `{t.Model}`",
        EvaluatePlan e => $"evaluation of `{e.Model}`",
        LrFindPlan f => $"range test of `{f.Model}`",
        EnsemblePlan e => $"ensemble `{e.Name}`",
        _ => "the statement",
    };

    // libtorch messages carry a C++ backtrace after the first line; users need only the first.
    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
