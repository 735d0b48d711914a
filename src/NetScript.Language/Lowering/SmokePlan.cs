namespace NetScript.Language.Lowering;

/// <summary>`netscript run --smoke`: the same program on the same code path, only shorter, so CI
/// can run every example script in seconds. Checking is unchanged (it ran on the full program);
/// each training then runs one epoch of at most <see cref="Steps"/> mini-batches, without warmup
/// (a warmup measured in epochs would be longer than the shortened training).</summary>
public static class SmokePlan
{
    public const int Steps = 2;

    public static ProgramPlan Reduce(ProgramPlan program) => program with
    {
        Steps = [.. program.Steps.Select(step => step is TrainPlan train ? Reduce(train) : step)],
    };

    static TrainPlan Reduce(TrainPlan train) => train with
    {
        Epochs = 1,
        MaxStepsPerEpoch = Steps,
        Schedule = train.Schedule is { } schedule ? schedule with { Warmup = null } : null,
    };
}
