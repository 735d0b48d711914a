using System.Diagnostics.CodeAnalysis;
using Pidgin;

namespace NetScript.Language.Syntax;

/// <summary>Runs a parser one nesting level deeper and fails with <see cref="TooDeep"/> past
/// <see cref="SyntaxFacts.MaxNesting"/> levels, so that recursive rules (brackets, blocks, signs)
/// end in a diagnostic instead of a stack overflow. Placed after the opening token, so the
/// failure has consumed input and no alternative hides its message.</summary>
internal sealed class NestingGuard<T>(Parser<char, T> inner) : Parser<char, T>
{
    public const string TooDeep = "nesting too deep";

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, [MaybeNullWhen(false)] out T result)
    {
        if (NestingDepth.Current >= SyntaxFacts.MaxNesting)
        {
            state.SetError(Maybe.Nothing<char>(), false, state.Location, TooDeep);
            result = default;
            return false;
        }
        NestingDepth.Current++;
        try
        {
            return inner.TryParse(ref state, ref expecteds, out result);
        }
        finally
        {
            NestingDepth.Current--;
        }
    }
}
