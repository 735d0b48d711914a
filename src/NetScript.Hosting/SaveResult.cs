using System.Collections.Immutable;
using NetScript.Language.Diagnostics;

namespace NetScript.Hosting;

/// <summary>What `:save` wrote: how many statements, how many it left out because a later
/// definition replaced them, and any error `netscript run` would report for the file.</summary>
public sealed record SaveResult(string Path, int Statements, int Dropped, ImmutableArray<Diagnostic> Problems);
