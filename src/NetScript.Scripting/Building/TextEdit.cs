namespace NetScript.Scripting.Building;

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> (0 to insert) with
/// <see cref="NewText"/>; offsets are in the text before any edit.</summary>
internal readonly record struct TextEdit(int Start, int Length, string NewText)
{
    public int End => Start + Length;
}
