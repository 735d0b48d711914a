using System.Runtime.InteropServices;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using TorchSharp;

namespace NetScript.Runtime.Execution;

/// <summary>Runs checked steps in order against a workspace. A failing step becomes a
/// diagnostic at that statement; nothing escapes as an exception.</summary>
public sealed class PipelineExecutor(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    readonly RunSummary _summary = new();

    /// <summary>Lets an interactive host pause training between steps.</summary>
    public RunControl? Control { get; init; }

    public ExecutionResult Execute(CheckedProgram program, CancellationToken cancellation)
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
            catch (Exception e)
            {
                RuntimeFailure failure = Describe(e, step);
                return new ExecutionResult(completed, diagnostics.Report(failure.Descriptor, step.Span, failure.Arguments));
            }
            finally
            {
                runFolder?.WriteJson("summary.json", _summary);
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
            case LoadStep s:
                Load(s);
                break;
            case SplitStep s:
                Split(s);
                break;
            case PreprocessStep s:
                Preprocess(s);
                break;
            case ModelStep s:
                // Built when it first meets data (its input shape is known then).
                workspace.RemoveModel(s.Model.Name);
                break;
            case OptimizerStep:
                break; // Carried in each TrainStep by the checker.
            case TrainStep s:
                Train(s, cancellation);
                break;
            case EvaluateStep s:
                Evaluate(s);
                break;
            default:
                throw new RuntimeFailure($"no runtime implementation for {step.GetType().Name}");
        }
    }

    void Load(LoadStep step)
    {
        TensorDataset data = CatalogResolver.Load(step.Source);
        if (step.ApplyPreprocessing)
        {
            foreach (IFittedTransform transform in workspace.Transforms)
            {
                var transformed = data.WithFeatures(transform.Apply(data.Features));
                data.Dispose();
                data = transformed;
            }
        }
        workspace.SetDataset(step.Name, data);
        Report(step.Name, data);
    }

    void Split(SplitStep step)
    {
        TensorDataset source = workspace.Dataset(step.Source);
        TensorDataset[] parts = DatasetSplitter.Split(source, step.Parts.Select(p => p.Fraction).ToArray(), step.Stratify, step.Seed);
        for (int i = 0; i < parts.Length; i++)
        {
            workspace.SetDataset(step.Parts[i].Name, parts[i]);
            Report(step.Parts[i].Name, parts[i]);
        }
    }

    void Preprocess(PreprocessStep step)
    {
        var fitted = new List<IFittedTransform>();
        TensorDataset fit = workspace.Dataset(step.FitOn);
        var fitFeatures = fit.Features;
        foreach (PreprocessOperation operation in step.Operations)
        {
            IFittedTransform transform = operation.Kind switch
            {
                "standardize" => StandardizeTransform.Fit(fitFeatures, operation.Arguments.Number("eps")),
                _ => throw new RuntimeFailure($"preprocessing `{operation.Kind}` has no runtime implementation"),
            };
            // Each step is fitted on the fit split as transformed by the steps before it.
            var next = transform.Apply(fitFeatures);
            if (!ReferenceEquals(fitFeatures, fit.Features)) fitFeatures.Dispose();
            fitFeatures = next;
            fitted.Add(transform);
        }
        if (!ReferenceEquals(fitFeatures, fit.Features)) fitFeatures.Dispose();

        foreach (string target in step.Targets)
        {
            TensorDataset data = workspace.Dataset(target);
            foreach (IFittedTransform transform in fitted)
            {
                var transformed = data.WithFeatures(transform.Apply(data.Features));
                workspace.SetDataset(target, transformed);
                data = transformed;
            }
        }
        foreach (IFittedTransform transform in fitted) workspace.AddTransform(transform);
        runFolder?.WriteJson("preprocessing.json", workspace.Transforms.Select(t => new { t.Kind, FitOn = step.FitOn, t.State }).ToList());
        observer.OnEvent(new PreprocessingFitted(step.FitOn, fitted.Select(f => f.Kind).ToList(), step.Targets));
    }

    void Train(TrainStep step, CancellationToken cancellation)
    {
        if (!workspace.Models.TryGetValue(step.Model, out var model))
        {
            model = new TrainedModel(step.Plan, ModelBuilder.Build(step.Plan));
            workspace.SetModel(step.Model, model);
        }
        TensorDataset data = workspace.Dataset(step.Data);
        TensorDataset? validation = step.Validate is { } v ? workspace.Dataset(v) : null;
        var request = new TrainRequest(model, step.Data, data, validation, step.Settings, step.Optimizer, workspace.Seed) { Control = Control };
        var started = DateTime.UtcNow;
        var (train, val) = Trainer.Train(request, observer, cancellation);
        _summary.Training[step.Model] = new RunSummary.TrainingSummary(step.Data, step.Settings.Epochs, train, val, (DateTime.UtcNow - started).TotalSeconds);
    }

    void Evaluate(EvaluateStep step)
    {
        TrainedModel model = workspace.Models.TryGetValue(step.Model, out var m)
            ? m
            : throw new RuntimeFailure($"model `{step.Model}` has not been trained in this session");
        TensorDataset data = workspace.Dataset(step.Data);
        Metrics metrics = Evaluator.Evaluate(model.Module, data, step.Loss, step.BatchSize);
        _summary.Evaluations.Add(new RunSummary.EvaluationSummary(step.Model, step.Data, metrics, data.Count));
        observer.OnEvent(new EvaluationCompleted(step.Model, step.Data, metrics, data.Count));
    }

    void Report(string name, TensorDataset data) =>
        observer.OnEvent(new DatasetReady(name, data.Count, "[" + string.Join(", ", data.SampleShape) + "]", data.Classes));

    /// <summary>Maps an exception from a step to a user-facing diagnostic.</summary>
    static RuntimeFailure Describe(Exception exception, PipelineStep step) => exception switch
    {
        RuntimeFailure f => f,
        OperationCanceledException => new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled, [StepNoun(step)]),
        NonFiniteLossException n => new RuntimeFailure(n.Message, DiagnosticCatalog.NonFiniteLoss, [n.Model, n.Value, n.Epoch, n.Step]),
        DataException d => new RuntimeFailure(d.Message, DiagnosticCatalog.DataError, [d.Message]),
        ExternalException x => new RuntimeFailure(x.Message, DiagnosticCatalog.TrainingError, ["libtorch: " + FirstLine(x.Message)]),
        IOException io => new RuntimeFailure(io.Message, DiagnosticCatalog.FileError, [io.Message]),
        UnauthorizedAccessException ua => new RuntimeFailure(ua.Message, DiagnosticCatalog.FileError, [ua.Message]),
        _ => new RuntimeFailure(exception.Message, DiagnosticCatalog.InternalError, [$"{exception.GetType().Name}: {FirstLine(exception.Message)}"]),
    };

    static string StepNoun(PipelineStep step) => step switch
    {
        TrainStep t => $"training of `{t.Model}`",
        EvaluateStep e => $"evaluation of `{e.Model}`",
        _ => "the statement",
    };

    // libtorch messages carry a C++ backtrace after the first line; users need only the first.
    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
