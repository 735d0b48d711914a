namespace NetScript.Language.Syntax;

/// <summary>A `# …` comment of a script: where it starts, its text (from `#`, trailing blanks
/// trimmed) and whether it is alone on its line.</summary>
internal sealed record SourceComment(int Offset, string Text, bool OwnLine);
