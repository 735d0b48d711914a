using NetScript.Runtime.Training;

namespace NetScript.Tests.Runtime.Training;

public sealed class ThroughputWindowTests
{
    [Fact]
    public void Short_epochs_are_judged_together_and_old_ones_leave_the_window()
    {
        var window = new ThroughputWindow(TimeSpan.FromSeconds(2));
        Assert.Equal(100, window.Add(100, 1));                        // a slow first epoch (warm-up)
        Assert.Equal(1100 / 1.01, window.Add(1000, 0.01), 9);         // a fast one is averaged with it: no jump to 100,000
        Assert.Equal(1400 / 1.51, window.Add(300, 0.5), 9);
        Assert.Equal(1800 / 2.0, window.Add(1500, 1.5), 9);           // the last two fill 2 s: the first two leave
    }

    [Fact]
    public void An_epoch_longer_than_the_span_is_its_own_window()
    {
        var window = new ThroughputWindow(TimeSpan.FromSeconds(2));
        window.Add(50, 0.5);
        Assert.Equal(3000 / 3.0, window.Add(3000, 3), 9);
    }
}
