using NetScript.Runtime.Events;

namespace NetScript.Runtime.Statistics;

/// <summary>What a consumer keeps of one training run's events, in fixed memory however long
/// the run: the first sample (the network at initialisation) and the latest, a ring of the
/// most recent samples, and decimated whole-run series of samples and epochs for curves.
/// Feed it the run's events; <see cref="TrainingStarted"/> starts over. Not thread-safe: a UI
/// reading from another thread should copy what it needs when an event arrives.</summary>
public sealed class StatisticsHistory
{
    public StatisticsHistory(int recent = 64, int timeline = 512, int epochs = 1024)
    {
        Recent = new RingBuffer<StatisticsSampled>(recent);
        Timeline = new DecimatingSeries<StatisticsSampled>(timeline);
        Epochs = new DecimatingSeries<EpochCompleted>(epochs);
    }

    public string? Model { get; private set; }

    public int StepsPerEpoch { get; private set; }

    public StatisticsSampled? First { get; private set; }

    public StatisticsSampled? Latest { get; private set; }

    public RingBuffer<StatisticsSampled> Recent { get; }

    public DecimatingSeries<StatisticsSampled> Timeline { get; }

    public DecimatingSeries<EpochCompleted> Epochs { get; }

    public void Add(RunEvent e)
    {
        switch (e)
        {
            case TrainingStarted t:
                Model = t.Model;
                StepsPerEpoch = t.StepsPerEpoch;
                First = Latest = null;
                Recent.Clear();
                Timeline.Clear();
                Epochs.Clear();
                break;
            case StatisticsSampled s:
                First ??= s;
                Latest = s;
                Recent.Add(s);
                Timeline.Add(s);
                break;
            case EpochCompleted c:
                Epochs.Add(c);
                break;
        }
    }
}
