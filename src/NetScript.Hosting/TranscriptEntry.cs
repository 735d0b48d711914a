using System.Collections.Immutable;

namespace NetScript.Hosting;

/// <summary>One statement that ran in a session: its text, the names it (re)defined, the
/// earlier names it mentions, and whether its training was stopped by the user.</summary>
public sealed record TranscriptEntry(string Text, ImmutableHashSet<string> Defines, ImmutableHashSet<string> Uses, bool Stopped = false);
