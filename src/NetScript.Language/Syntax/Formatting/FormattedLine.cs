using System.Text;

namespace NetScript.Language.Syntax;

/// <summary>One line the formatter prints, with the range of source it came from
/// (<see cref="From"/> to <see cref="To"/>, exclusive), which is how comments find their line.</summary>
internal sealed class FormattedLine(int indent, int from, bool closer)
{
    public int Indent { get; } = indent;

    public int From { get; } = from;

    public int To { get; set; } = from;

    public StringBuilder Code { get; } = new();

    /// <summary>Starts with the `}` of a block (comments before it belong inside the block).</summary>
    public bool Closer { get; } = closer;

    /// <summary>Ends with the `{` of a multi-line block.</summary>
    public bool Opener { get; set; }
}
