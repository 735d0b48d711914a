using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>`netscript run --smoke`: the same program on the same code path, only shorter, so CI
/// can run every example script in seconds. Checking is unchanged (it ran on the full program);
/// each training (an ensemble's members too) then runs one epoch of at most <see cref="Steps"/> mini-batches, without warmup
/// (a warmup measured in epochs would be longer than the shortened training) or cosine restarts, a range test
/// (`lr_find`) tries at most <see cref="Steps"/> rates, and a search runs
/// at most <see cref="SearchPlan.SmokeTrials"/> trials in one round, in this process.</summary>
public static class SmokePlan
{
    public const int Steps = 2;

    public static ProgramPlan Reduce(ProgramPlan program) => program with
    {
        Steps = [.. program.Steps.Select(step => step switch
        {
            TrainPlan train => Reduce(train),
            LrFindPlan find => find with { Steps = Math.Min(find.Steps, Steps) },
            EnsemblePlan ensemble => ensemble with { Train = Reduce(ensemble.Train) },
            SearchStep search => search with { Plan = search.Plan with { Smoke = true } },
            _ => step,
        })],
    };

    static TrainPlan Reduce(TrainPlan train) => train with
    {
        Epochs = 1,
        MaxStepsPerEpoch = Steps,
        // Cycles measured in epochs would not end in the shortened training either: anneal once.
        Schedule = train.Schedule switch
        {
            CosineSchedule cosine => cosine with { Warmup = null, Cycle = null },
            { } schedule => schedule with { Warmup = null },
            null => null,
        },
        Averaging = train.Averaging is { LastEpochs: not null } swa ? swa with { LastEpochs = 1 } : train.Averaging,
    };
}
