using NetScript.Language.Semantics;

namespace NetScript.Repl.Syntax;

/// <summary>Splits input into coloured spans. The editor depends only on this, so the
/// lexical classifier here can be swapped for one driven by the TextMate grammar.</summary>
public interface ISyntaxClassifier
{
    IReadOnlyList<ClassifiedSpan> Classify(string text, SessionSymbols symbols);
}
