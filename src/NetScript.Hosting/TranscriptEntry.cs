using System.Collections.Immutable;

namespace NetScript.Hosting;

/// <summary>One statement that ran in a session: its text, the names it (re)defined, the
/// earlier names it mentions, and, for a training the user stopped, the epochs it finished.</summary>
public sealed record TranscriptEntry(string Text, ImmutableHashSet<string> Defines, ImmutableHashSet<string> Uses, int? StoppedAfter = null)
{
    public bool Stopped => StoppedAfter is not null;
}
