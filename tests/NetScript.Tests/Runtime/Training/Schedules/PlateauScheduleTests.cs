using NetScript.Runtime.Events;
using NetScript.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Training.Schedules;

/// <summary>reduce_on_plateau: the rate after each epoch against a sequence of metrics worked
/// out by hand (Keras's ReduceLROnPlateau rules), the checker's positioned error when the
/// watched metric is not measured, and a real training that lowers its rate.</summary>
[Collection(TorchCollection.Name)]
public sealed class PlateauScheduleTests
{
    static Metrics Loss(double value) => new(value, double.NaN);

    [Fact]
    public void The_rate_drops_after_patience_epochs_without_improvement_then_waits_the_cooldown()
    {
        // lr₀ = 0.1, factor 0.5, patience 2, min_delta 0.01, cooldown 1, min_lr 0.02; train_loss watched.
        var schedule = ScheduleTests.Resolve("schedule reduce_on_plateau metric=train_loss factor=0.5 patience=2 min_delta=0.01 cooldown=1 min_lr=0.02");
        var plateau = schedule.Plateau!;
        double[] losses = [1.0, 0.995, 0.99, 0.98, 0.975, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
        // Epoch by epoch (best, bad epochs, cooldown):
        //  1.0   best 1.0
        //  0.995 not better by > 0.01: bad 1
        //  0.99  bad 2 = patience → rate 0.05, cooldown 1
        //  0.98  cooldown epoch (bad reset); 0.98 < 1.0 − 0.01: best 0.98
        //  0.975 not better by > 0.01: bad 1
        //  0.5   best 0.5
        //  0.6   bad 1;  0.6 bad 2 → rate 0.025, cooldown 1
        //  0.6   the cooldown ends (bad reset), then it counts: bad 1;  0.6 bad 2 → 0.0125, held at min_lr 0.02
        //  0.6   cooldown ends, bad 1;  0.6 bad 2, but the rate is at min_lr already
        double[] expected = [0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02];
        var rates = losses.Select(l => { plateau.Observe(Loss(l), null); return schedule.At(0); }).ToArray();
        Assert.Equal(expected, rates.Select(r => Math.Round(r, 12)));
        Assert.False(plateau.Observe(Loss(0.6), null)); // at min_lr: no further reduction
    }

    [Fact]
    public void Accuracy_is_maximised_and_replaying_the_history_gives_the_same_rate()
    {
        var schedule = ScheduleTests.Resolve("schedule reduce_on_plateau metric=val_acc factor=0.1 patience=1 min_delta=0");
        double[] accuracies = [0.5, 0.6, 0.6, 0.7, 0.65];   // drops after the 3rd and the 5th epoch
        var history = accuracies.Select((a, i) => new EpochMetrics(i + 1, Loss(1), new Metrics(1, a), 0, 0)).ToList();
        foreach (var epoch in history) schedule.Plateau!.Observe(epoch.Train, epoch.Validation);
        Assert.Equal(0.001, schedule.At(0), 12);

        var resumed = ScheduleTests.Resolve("schedule reduce_on_plateau metric=val_acc factor=0.1 patience=1 min_delta=0");
        resumed.Plateau!.Replay(history);
        Assert.Equal(schedule.At(0), resumed.At(0));
    }

    [Fact]
    public void Watching_val_loss_without_validate_is_an_error_at_the_schedule()
    {
        var compilation = Language.Semantics.CheckerGoldenTests.Check("""
            load dataset "spiral" as d
            model m { dense 3 }
            schedule reduce_on_plateau patience=3
            train m on d epochs=5
            """);
        var error = Assert.Single(compilation.Diagnostics);
        Assert.Equal("NS0707", error.Id);
        Assert.Equal(3, error.Location!.Value.Line);
        Assert.Contains("`val_loss` is not measured by this run: add `validate=`", error.Message);
    }

    [Fact]
    public void A_training_that_stalls_runs_at_lower_rates_and_says_so()
    {
        // lr 1e-9 barely moves the weights: the training loss never improves by 0.01, so with
        // patience 2 the rate halves after epochs 3 and 5.
        var (result, events) = Scripts.Run("""
            seed 1
            threads 1
            load dataset "spiral" classes=3 points=30 as d
            model m { dense 3 }
            optimizer sgd lr=1e-9
            schedule reduce_on_plateau metric=train_loss factor=0.5 patience=2 min_delta=0.01
            train m on d epochs=5 batch=30
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var reduced = events.Of<LearningRateReduced>().ToList();
        Assert.Equal(new[] { 3, 5 }, reduced.Select(r => r.Epoch));
        Assert.Equal(new[] { 1e-9, 5e-10 }, reduced.Select(r => r.From));
        Assert.Equal(new[] { 5e-10, 2.5e-10 }, reduced.Select(r => r.To));   // halving is exact in binary
        Assert.Equal("  reduce_on_plateau: train_loss has not improved for 2 epochs; learning rate 1E-09 → 5E-10 from epoch 4",
            NetScript.Hosting.RunEventText.Describe(reduced[0]));
    }
}
