using NetScript.Data;

namespace NetScript.Runtime.Search;

/// <summary>Random streams of a search, derived from its seed: trial i's seed, and the stream
/// a sampler draws trial i's values from — each a function of (seed, i) only, so proposals do
/// not depend on how many draws earlier proposals took.</summary>
public static class TrialStreams
{
    public static long Seed(long searchSeed, int trial) => (long)(Mix(searchSeed, trial, 0x5EED) & long.MaxValue);

    public static SeededRandom Values(long searchSeed, int trial) => new((long)Mix(searchSeed, trial, 0xDA7A));

    static ulong Mix(long seed, int trial, ulong salt)
    {
        var random = new SeededRandom(seed ^ (long)(salt * 0x9E3779B97F4A7C15UL) ^ ((long)trial << 20));
        random.NextUInt64();
        return random.NextUInt64();
    }
}
