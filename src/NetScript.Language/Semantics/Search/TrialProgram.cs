namespace NetScript.Language.Semantics;

/// <summary>The statements after a search, checked with one trial's values: <see cref="Body"/>
/// runs once per trial (through the last training); <see cref="Tail"/> runs once, after the
/// search, with the best trial's values.</summary>
public sealed record TrialProgram(CheckedProgram Body, CheckedProgram Tail);
