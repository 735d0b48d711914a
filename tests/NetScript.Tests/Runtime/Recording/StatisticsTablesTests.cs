using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>When the statistics tables reach the disk: after the first epoch, then at an epoch's
/// end once the commit interval has passed, and at the end.</summary>
public sealed class StatisticsTablesTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("netscript-stats-tables-").FullName;

    static StatisticsSampled Sample(int epoch, long step)
    {
        var histogram = new ActivationHistogram(0, 1, [1, 2]);
        return new StatisticsSampled("m", epoch, 1, step, [new LayerSample("relu1", "ReLU", 0, 0.5, 0.1, 0, 1, 0.5, 0, null, histogram, [])]);
    }

    static EpochCompleted Epoch(int epoch) => new("m", epoch, 9, new Metrics(0.5, 0.5), null, 1000, TimeSpan.FromSeconds(epoch));

    long LayerRows() => ((long[])ParquetTableReader.Read(Path.Combine(_folder, StatisticsTables.LayersFile))["global_step"]).Length;

    [Fact]
    public void The_first_epoch_commits_and_later_epochs_wait_for_the_interval()
    {
        var tables = new StatisticsTables(_folder, TimeSpan.FromHours(1));
        tables.Add(Sample(1, 1));
        tables.Add(Epoch(1));
        Assert.Equal(1, LayerRows());          // the first epoch is on disk at once
        tables.Add(Sample(2, 2));
        tables.Add(Epoch(2));
        tables.Add(Sample(3, 3));
        tables.Add(Epoch(3));
        Assert.Equal(1, LayerRows());          // within the interval: waiting in memory
        tables.Commit();                       // training ends
        Assert.Equal(3, LayerRows());
    }

    [Fact]
    public void With_the_interval_passed_every_epoch_end_commits()
    {
        var tables = new StatisticsTables(_folder, TimeSpan.Zero);
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            tables.Add(Sample(epoch, epoch));
            tables.Add(Epoch(epoch));
            Assert.Equal(epoch, LayerRows());
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
