using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    /// <summary><c>schedule KIND ARGS</c>: the schedule of every later training (a later
    /// `schedule` replaces it). Warmup lengths are checked against each training
    /// (<see cref="WarmupEnds"/>) where its row count is known, else at run time.</summary>
    void CheckSchedule(ScheduleStatement statement)
    {
        OperationSpec? spec = SchemaCatalog.Find(OperationCategory.Schedule, statement.Kind.Text);
        if (spec is null)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, statement.Kind.Span, SchemaCatalog.Noun(OperationCategory.Schedule), statement.Kind.Text,
                Suggestions.DidYouMean(statement.Kind.Text, SchemaCatalog.Names(OperationCategory.Schedule)));
            return;
        }
        if (BindOrNull(spec, statement.Arguments, statement.Kind.Span) is not { } args) return;
        if (spec == ScheduleSchema.MultiStep && args.Integers("milestones") is { } milestones
            && milestones.Zip(milestones.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentRange, args.SpanOf("milestones")!.Value, "milestones", spec.Name, "increasing epochs",
                "[" + string.Join(", ", milestones) + "]");
            return;
        }
        if (spec == ScheduleSchema.Cosine && args.SpanOf("cycle_mult") is { } mult && args.OptionalDuration("cycle") is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingArgument, mult, "cycle_mult", "cycle",
                $"the first cycle's length, which each next one multiplies, e.g. `schedule cosine cycle=10 epochs cycle_mult={args.OptionalInt("cycle_mult")}`");
            return;
        }
        var settings = new ScheduleSettings(args, statement.Span);
        Emit(new ScheduleStep(settings, statement.Span), _symbols with { Schedule = settings });
    }
}
