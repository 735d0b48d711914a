using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    /// <summary><c>regularize MODEL { … }</c>: settings bound against the schema, at most one of
    /// each, and an optional <c>augment { … }</c> block. The model keeps them for every later
    /// training (a later `regularize` of the model replaces them; redefining the model drops them).</summary>
    void CheckRegularize(RegularizeStatement statement)
    {
        ModelSymbol? model = LookupModel(statement.Model);
        var settings = ImmutableArray.CreateBuilder<BoundArguments>();
        var augmentations = ImmutableArray.CreateBuilder<BoundArguments>();
        var seen = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        bool ok = true;
        foreach (Invocation item in Flatten(statement.Body))
        {
            bool augment = item.Name.Text == RegularizationSchema.Augment.Name;
            OperationSpec? spec = augment ? RegularizationSchema.Augment : Lookup(OperationCategory.Regularizer, item);
            if (spec is null)
            {
                ok = false;
                continue;
            }
            if (!seen.TryAdd(spec.Name, item.Name.Span))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateArgument, item.Name.Span, spec.Name);
                ok = false;
                continue;
            }
            if (augment) ok &= CheckAugment(item, augmentations);
            else if (BindOrNull(spec, item.Arguments, item.Name.Span) is { } bound) settings.Add(bound);
            else ok = false;
        }
        if (seen.TryGetValue(RegularizationSchema.ElasticNet.Name, out TextSpan elastic)
            && new[] { RegularizationSchema.L1.Name, RegularizationSchema.L2.Name }.FirstOrDefault(seen.ContainsKey) is { } both)
        {
            _diagnostics.Report(DiagnosticCatalog.RegularizationConflict, elastic, RegularizationSchema.ElasticNet.Name, both,
                "`elastic_net l1=… l2=…` sets both penalties; write it or the separate lines");
            ok = false;
        }
        if (model is null || !ok) return;
        if (seen.TryGetValue(RegularizationSchema.Dropout.Name, out TextSpan dropout) && !model.Definition.Layers.SelectMany(l => l.Descendants()).Any(l => l.Kind == "dropout"))
        {
            _diagnostics.Report(DiagnosticCatalog.RegularizationDoesNotApply, dropout, "dropout", model.Name, $"model `{model.Name}`",
                "it has no dropout layer (add `-> dropout 0.5` where units should be dropped)");
            return;
        }
        var regularization = new RegularizationSettings(settings.ToImmutable(), augmentations.ToImmutable(), statement.Span);
        Emit(new RegularizeStep(model.Name, regularization, statement.Span),
            _symbols with { Models = _symbols.Models.SetItem(model.Name, model with { Regularization = regularization }) });
    }

    /// <summary><c>augment { flip horizontal; crop 28 pad=2 }</c>: each step bound against the
    /// augmentation schema, in order.</summary>
    bool CheckAugment(Invocation item, ImmutableArray<BoundArguments>.Builder augmentations)
    {
        int errors = _diagnostics.Count(d => d.IsError);
        CheckArgumentNames(RegularizationSchema.Augment, item.Arguments);
        if (item.Body is not { } body)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingArgument, item.Name.Span, "augment", "{ … }", "a block of augmentations such as `{ flip horizontal }`");
            return false;
        }
        foreach (Invocation step in Flatten(body))
        {
            if (Lookup(OperationCategory.Augmentation, step) is { } spec && BindOrNull(spec, step.Arguments, step.Name.Span) is { } bound)
                augmentations.Add(bound);
        }
        return _diagnostics.Count(d => d.IsError) == errors;
    }

    /// <summary>Folds the model's `regularize` block into one training: label smoothing into
    /// the loss, weight decay into the optimizer (both then read as if written there); checks
    /// that augmentations and CutMix get images of the size the model is planned for.</summary>
    bool Regularize(ModelSymbol model, DatasetSymbol data, TrainStatement statement, ref TrainSettings settings, ref OptimizerSettings optimizer)
    {
        if (model.Regularization is not { } r) return true;
        if (r.Find(RegularizationSchema.LabelSmoothing) is { } smoothing)
        {
            BoundArguments args = settings.Arguments, loss = args.Operation("loss");
            TextSpan at = args.SpanOf("loss") ?? statement.Keyword.Span;
            TextSpan written = smoothing.SpanOf("epsilon")!.Value;
            if (loss.Spec.Find("label_smoothing") is null)
                return DoesNotApply("label_smoothing", at, $"loss `{loss.Spec.Name}`", $"only `{LossSchema.CrossEntropy.Name}` has label smoothing");
            if (loss.Has("label_smoothing"))
            {
                _diagnostics.Report(DiagnosticCatalog.RegularizationConflict, loss.SpanOf("label_smoothing")!.Value, "label_smoothing",
                    $"regularize {model.Name} {{ label_smoothing … }}", $"line {Where(r.Span)} sets it for this model already; keep one of the two");
                return false;
            }
            BoundArguments smoothed = loss.With("label_smoothing", smoothing.Number("epsilon"), written);
            settings = new TrainSettings(args.With("loss", smoothed, args.SpanOf("loss") ?? written));
        }
        if (r.Find(RegularizationSchema.WeightDecay) is { } decay)
        {
            TextSpan written = decay.SpanOf("lambda")!.Value;
            optimizer = optimizer with
            {
                Arguments = optimizer.Arguments.With("weight_decay", decay.Number("lambda"), written).With("decay_all", decay.Flag("decay_all"), written),
            };
        }
        if (r.Augmentations.IsEmpty && r.CutMixAlpha is null) return true;
        Shape images = data.Info.Features;
        if (images.Rank != 3)
            return DoesNotApply(r.Augmentations.IsEmpty ? "cutmix" : "augment", statement.Data.Span, $"`{data.Name}`",
                $"its samples have shape {images}; augmentations take images [C, H, W]");
        foreach (BoundArguments augmentation in r.Augmentations)
        {
            // Crops are cut to size×size; cutout's size is its square's, which keeps the image's.
            bool resizes = augmentation.Spec == AugmentationSchema.Crop || augmentation.Spec == AugmentationSchema.ResizedCrop;
            if (!resizes || augmentation.OptionalInt("size") is not { } size) continue;
            if (size == images.Dims[1] && size == images.Dims[2]) continue;
            _diagnostics.Report(DiagnosticCatalog.AugmentationShape, augmentation.SpanOf("size")!.Value, augmentation.Spec.Name, $"{size}×{size}", model.Name, images);
            return false;
        }
        return true;

        bool DoesNotApply(string setting, TextSpan span, string target, string reason)
        {
            _diagnostics.Report(DiagnosticCatalog.RegularizationDoesNotApply, span, setting, model.Name, target, reason);
            return false;
        }
    }
}
