using System.Collections.Immutable;
using System.Text;

namespace NetScript.Scripting.Building;

/// <summary>Edits applied to a snippet's text before it is emitted (the matmul guard), and the
/// way back: a position in the edited text — from a stack frame of the emitted code — maps to
/// the position the user wrote.</summary>
internal sealed class SourceMap
{
    // Per edit: where it was in the original text and where its replacement is in the edited one.
    readonly ImmutableArray<(int OriginalStart, int EditedStart, int EditedLength)> _segments;
    readonly int _totalDelta;

    SourceMap(ImmutableArray<(int, int, int)> segments, int totalDelta)
    {
        _segments = segments;
        _totalDelta = totalDelta;
    }

    public static SourceMap Identity { get; } = new([], 0);

    /// <summary>Applies edits that do not overlap (inserts at one position keep their order)
    /// and returns the edited text with its map.</summary>
    public static (string Text, SourceMap Map) Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.Select((e, i) => (Edit: e, Index: i))
            .OrderBy(x => x.Edit.Start).ThenBy(x => x.Edit.Length).ThenBy(x => x.Index)
            .Select(x => x.Edit)
            .ToList();
        var builder = new StringBuilder(text.Length + ordered.Sum(e => e.NewText.Length));
        var segments = ImmutableArray.CreateBuilder<(int, int, int)>(ordered.Count);
        int copied = 0;
        foreach (TextEdit edit in ordered)
        {
            if (edit.Start < copied)
                throw new ArgumentException($"overlapping edits at offset {edit.Start}", nameof(edits));
            builder.Append(text, copied, edit.Start - copied);
            segments.Add((edit.Start, builder.Length, edit.NewText.Length));
            builder.Append(edit.NewText);
            copied = edit.End;
        }
        builder.Append(text, copied, text.Length - copied);
        int delta = builder.Length - text.Length;
        return (builder.ToString(), ordered.Count == 0 ? Identity : new SourceMap(segments.MoveToImmutable(), delta));
    }

    /// <summary>The original offset of <paramref name="edited"/>; a position inside inserted
    /// text maps to where the insertion was made.</summary>
    public int ToOriginal(int edited)
    {
        foreach (var (originalStart, editedStart, editedLength) in _segments)
        {
            if (edited < editedStart) return originalStart - (editedStart - edited);
            if (edited < editedStart + editedLength) return originalStart;
        }
        return edited - _totalDelta;
    }
}
