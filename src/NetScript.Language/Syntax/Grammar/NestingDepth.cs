namespace NetScript.Language.Syntax;

/// <summary>The parse's current nesting depth. Per thread, because parsers are static and a
/// parse runs synchronously on the caller's thread.</summary>
internal static class NestingDepth
{
    [ThreadStatic]
    internal static int Current;
}
