using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    void CheckTrain(TrainStatement statement)
    {
        ModelSymbol? model = LookupModel(statement.Model);
        DatasetSymbol? data = LookupDataset(statement.Data);
        var args = BindOrNull(StatementSchema.Train, statement.Arguments, statement.Keyword.Span);
        if (model is null || data is null || args is null) return;

        string? validate = args.OptionalText("validate");
        if (validate is not null && !_symbols.Datasets.ContainsKey(validate))
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownDataset, args.SpanOf("validate")!.Value, validate,
                Suggestions.DidYouMean(validate, _symbols.Datasets.Keys));
            return;
        }
        if (validate is not null && !_symbols.Datasets[validate].Info.Features.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, args.SpanOf("validate")!.Value, validate,
                _symbols.Datasets[validate].Info.Features, $"its samples must have the training data's shape {data.Info.Features}");
            return;
        }
        if (model.InputShape is { } fixedShape && !fixedShape.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, statement.Data.Span, model.Name, data.Info.Features,
                $"model `{model.Name}` was built for inputs of shape {fixedShape}");
            return;
        }
        var settings = new TrainSettings(args);
        ModelPlan? plan = Plan(model.Definition, data.Info.Features);
        if (plan is null || !CheckOutputWidth(plan, settings.Loss, data, statement.Model.Span)) return;

        OptimizerSettings optimizer = _symbols.Optimizer
            ?? new OptimizerSettings(BoundArguments.Defaults(OptimizerSchema.Default), statement.Keyword.Span);
        var trained = model with { InputShape = data.Info.Features, Loss = settings.Loss };
        Emit(new TrainStep(model.Name, data.Name, validate, settings, plan, optimizer, statement.Span),
            _symbols with { Models = _symbols.Models.SetItem(model.Name, trained) });
    }

    void CheckEvaluate(EvaluateStatement statement)
    {
        ModelSymbol? model = LookupModel(statement.Model);
        DatasetSymbol? data = LookupDataset(statement.Data);
        var args = BindOrNull(StatementSchema.Evaluate, statement.Arguments, statement.Keyword.Span);
        if (model is null || data is null || args is null) return;
        if (model.InputShape is not { } input || model.Loss is not { } loss)
        {
            _diagnostics.Report(DiagnosticCatalog.ModelNotTrained, statement.Model.Span, model.Name);
            return;
        }
        if (!input.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, statement.Data.Span, model.Name, data.Info.Features,
                $"model `{model.Name}` was trained on inputs of shape {input}");
            return;
        }
        Emit(new EvaluateStep(model.Name, data.Name, (int)args.Int("batch"), loss, statement.Span), _symbols);
    }
}
