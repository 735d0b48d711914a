namespace NetScript.Language.Text;

/// <summary>A range of characters in a source text: offsets, not lines (lines are computed
/// when a diagnostic is rendered).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public TextSpan Union(TextSpan other) =>
        FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"[{Start}..{End})";
}
