using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    static readonly ImmutableHashSet<string> LrFindOptions = ["start", "end", "steps", "suggest"];

    /// <summary>The options of `train` that shape a range test's mini-batches; the others
    /// (epochs, validation, early stopping, checkpoints, …) have nothing to act on.</summary>
    static readonly ImmutableArray<string> LrFindTrainOptions = ["batch", "loss", "clip_norm", "clip_value"];

    /// <summary><c>lr_find m on d …</c>: its own options (start, end, steps, suggest) are bound against
    /// its schema; every other option is checked exactly as a `train m on d …` with those options
    /// would be (batch, loss, clipping, the optimizer and regularization in force). The range
    /// test leaves the model as it was, so the symbols after it are the symbols before it.</summary>
    void CheckLrFind(LrFindStatement statement)
    {
        var own = statement.Arguments.Items.Where(a => a.Name is { } n && LrFindOptions.Contains(n.Text)).ToImmutableArray();
        var rest = statement.Arguments.Items.RemoveRange(own);
        foreach (Argument argument in rest)
        {
            if (OptionName(argument) is not { } option || LrFindTrainOptions.Contains(option.Text) || StatementSchema.Train.Find(option.Text) is null) continue;
            _diagnostics.Report(DiagnosticCatalog.LrFindTrainingOption, option.Span, option.Text, string.Join(", ", LrFindTrainOptions.Select(o => $"`{o}`")));
            return;
        }
        var args = BindOrNull(StatementSchema.LrFind, new ArgumentList(own, statement.Arguments.Span), statement.Keyword.Span);
        if (args is null) return;
        double start = args.Number("start"), end = args.Number("end");
        if (start >= end)
        {
            _diagnostics.Report(DiagnosticCatalog.LrFindRangeInverted, args.SpanOf("start") ?? args.SpanOf("end") ?? statement.Keyword.Span,
                Format(start), Format(end));
            return;
        }
        if (!_symbols.Datasets.ContainsKey(statement.Data.Text) && _symbols.Folds.ContainsKey(statement.Data.Text))
        {
            _diagnostics.Report(DiagnosticCatalog.LrFindOnFolds, statement.Data.Span, statement.Data.Text);
            return;
        }
        var before = _symbols;
        int steps = _steps.Count, afters = _symbolsAfter.Count;
        CheckTrain(new TrainStatement(statement.Keyword, statement.Model, statement.Data,
            new ArgumentList(rest, statement.Arguments.Span), statement.Span));
        if (_steps.Count == steps) return;
        var train = (TrainStep)_steps[^1];
        _steps.RemoveAt(_steps.Count - 1);
        _symbolsAfter.RemoveAt(afters);
        _symbols = before;
        Emit(new LrFindStep(statement.Model.Text, statement.Data.Text, start, end, (int)args.Int("steps"), train, statement.Span) { Suggest = args.Text("suggest") }, before);
    }

    /// <summary>The option an argument sets: `name=value`, a flag (`shuffle`) or a group
    /// (`early_stop(…)`).</summary>
    static Identifier? OptionName(Argument argument) => argument.Name ?? argument.Value switch
    {
        CallExpression call => call.Callee,
        NameExpression name => name.Name,
        _ => null,
    };
}
