namespace NetScript.Language.Semantics;

/// <summary>How `ensemble MODEL top=K` finds a member's training: the search's trial statements
/// bound with that trial's values, and in them the model's last training. Members of a search
/// over the architecture (`dense $units`) are each built from their own trial's model.</summary>
public sealed class TrialTrainings(ITrialBinder trials, string model)
{
    /// <summary>The model the trials train.</summary>
    public string Model { get; } = model;

    /// <summary>The model's last training in the trial with <paramref name="values"/>, or why there is none.</summary>
    public (TrainStep? Training, string? Problem) Training(IReadOnlyDictionary<string, Value> values)
    {
        TrialBinding binding = trials.Bind(values);
        if (binding.Program is not { } program)
            return (null, binding.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "its values no longer check");
        return program.Body.Steps.OfType<TrainStep>().LastOrDefault(t => t.Model == Model && t.Folds is null) is { } train
            ? (train, null)
            : (null, $"its statements do not train `{Model}`");
    }
}
