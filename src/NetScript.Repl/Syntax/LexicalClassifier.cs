using NetScript.Language.Semantics;

namespace NetScript.Repl.Syntax;

/// <summary>Classifies input with the parser's token rules (names, numbers, strings, `#`
/// comments) and the language's vocabulary: a statement's first word is a keyword, known
/// operations and `name=` arguments are coloured, and so are the session's datasets and
/// models. Works on incomplete input, as typed.</summary>
public sealed class LexicalClassifier : ISyntaxClassifier
{
    public IReadOnlyList<ClassifiedSpan> Classify(string text, SessionSymbols symbols)
    {
        var spans = new List<ClassifiedSpan>();
        bool statementStart = true;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            int start = i;
            if (c == '\n' || c == ';')
            {
                statementStart = true;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                spans.Add(new(start, i - start, TokenKind.Comment));
                continue;
            }
            if (c == ':' && statementStart)
            {
                i++;
                while (i < text.Length && IsNamePart(text[i])) i++;
                spans.Add(new(start, i - start, TokenKind.Command));
                statementStart = false;
                continue;
            }
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
                    if (text[i] == '\\') i++;
                i = Math.Min(text.Length, i + 1);
                spans.Add(new(start, i - start, TokenKind.String));
                statementStart = false;
                continue;
            }
            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'
                    || (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E'))) i++;
                spans.Add(new(start, i - start, TokenKind.Number));
                statementStart = false;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && IsNamePart(text[i])) i++;
                string word = text[start..i];
                if (Classify(word, text, i, statementStart, symbols) is { } kind) spans.Add(new(start, i - start, kind));
                statementStart = false;
                continue;
            }
            if (c == '{' || c == '}') statementStart = true;
            int length = c == '-' && i + 1 < text.Length && text[i + 1] == '>' ? 2 : 1;
            if (c is '{' or '}' or '[' or ']' or '(' or ')' or '=' or ',' || length == 2)
                spans.Add(new(start, length, TokenKind.Punctuation));
            i += length;
        }
        return spans;
    }

    static TokenKind? Classify(string word, string text, int end, bool statementStart, SessionSymbols symbols)
    {
        if (statementStart && Vocabulary.Statements.Contains(word)) return TokenKind.Keyword;
        if (Vocabulary.ContextualKeywords.Contains(word)) return TokenKind.Keyword;
        if (NextNonBlank(text, end) == '=') return TokenKind.Parameter;
        if (symbols.KindOf(word) is not null) return TokenKind.Symbol;
        if (Vocabulary.Operations.Contains(word)) return TokenKind.Operation;
        return null;
    }

    static char NextNonBlank(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i < text.Length ? text[i] : '\0';
    }

    static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
