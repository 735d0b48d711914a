using System.Globalization;

namespace NetScript.Language.Semantics;

/// <summary>A checked length of training, <c>1 epoch</c> or <c>500 steps</c>: steps are whole
/// optimizer updates, epochs may be fractional. The runtime turns it into updates once it
/// knows how many updates an epoch has.</summary>
public sealed record Duration(double Amount, DurationUnit Unit)
{
    /// <summary>Whole updates, at least one: epochs × <paramref name="updatesPerEpoch"/>, rounded.</summary>
    public long Updates(long updatesPerEpoch) =>
        Unit == DurationUnit.Steps ? (long)Amount : Math.Max(1, (long)Math.Round(Amount * updatesPerEpoch, MidpointRounding.AwayFromZero));

    public override string ToString()
    {
        string amount = Amount.ToString("G", CultureInfo.InvariantCulture);
        string unit = Unit == DurationUnit.Steps ? "step" : "epoch";
        return $"{amount} {unit}{(Amount == 1 ? "" : "s")}";
    }
}
