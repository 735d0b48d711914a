using NetScript.Repl.Editing;
using Terminal.Gui.Input;

namespace NetScript.Tests.Repl;

/// <summary>Long input lines wrap in the input box instead of scrolling out of view: the
/// layout of rows, the caret's place in them, and the real input at 80×24.</summary>
[Collection(TorchCollection.Name)]
public sealed class InputWrapTests
{
    static WrapLayout Layout(int width, params int[][] lines) => new(lines, width);

    static int[] Ones(int count) => Enumerable.Repeat(1, count).ToArray();

    static WrapLayout.Row R(int line, int start, int end) => new(line, start, end);

    [Fact]
    public void A_line_wraps_into_rows_of_the_width_and_the_caret_follows()
    {
        var layout = Layout(10, Ones(25));
        Assert.Equal([R(0, 0, 10), R(0, 10, 20), R(0, 20, 25)], layout.Rows);
        Assert.Equal((0, 9), layout.Place(0, 9));
        Assert.Equal((1, 0), layout.Place(0, 10));                  // the wrap point starts the next row
        Assert.Equal((2, 5), layout.Place(0, 25));
        Assert.Equal((0, 13), layout.At(1, 3));
        Assert.Equal((0, 9), layout.At(0, 99));                     // past a wrapping row: its last character
        Assert.Equal((0, 25), layout.At(2, 99));                    // past the last row: the end of the line
    }

    [Fact]
    public void A_line_that_fills_its_last_row_gets_a_row_for_the_caret()
    {
        var layout = Layout(10, Ones(20));
        Assert.Equal([R(0, 0, 10), R(0, 10, 20), R(0, 20, 20)], layout.Rows);
        Assert.Equal((2, 0), layout.Place(0, 20));
        Assert.Equal((0, 19), layout.At(1, 10));
    }

    [Fact]
    public void Lines_keep_their_own_rows_and_a_wide_character_never_splits()
    {
        var layout = Layout(5, Ones(2), [], Ones(7));
        Assert.Equal([R(0, 0, 2), R(1, 0, 0), R(2, 0, 5), R(2, 5, 7)], layout.Rows);
        Assert.Equal((3, 1), layout.Place(2, 6));
        Assert.Equal((1, 0), layout.Place(1, 0));
        Assert.Equal((0, 2), layout.At(0, 4));

        var wide = Layout(5, new[] { 1, 1, 1, 1, 2, 1 });                   // 4 columns, then a 2-column character
        Assert.Equal([R(0, 0, 4), R(0, 4, 6)], wide.Rows);
        Assert.Equal((1, 2), wide.Place(0, 5));
    }

    /// <summary>The input box's rows (inside its frame).</summary>
    internal static string[] InputRows(string screen)
    {
        string[] rows = screen.Split('\n');
        int title = Array.FindIndex(rows, r => r.Contains("Input", StringComparison.Ordinal));
        return [.. rows.Skip(title + 1).TakeWhile(r => r.StartsWith('│')).Select(r => r[1..r.IndexOf('│', 1)])];
    }

    [Fact]
    public void A_long_line_wraps_in_the_input_and_runs_as_one_line()
    {
        using var repl = new HeadlessRepl(80, 24);
        string text = "seed 3  # " + string.Concat(Enumerable.Repeat("abcdefghij", 8));
        repl.Type(text);
        string[] input = InputRows(repl.Screen());
        int width = input[0].Length;
        Assert.Equal(40, width);
        Assert.Equal([text[..width], text[width..(2 * width)], text[(2 * width)..].PadRight(width)], input);
        Assert.Equal(text, repl.View.Input.Text);                 // soft wrap: the text has no line break
        Assert.Equal(text.Length, repl.View.Input.CaretOffset);

        // Up and Down move between the rows of the line (the history is above the first row).
        repl.Press(Key.CursorUp);
        Assert.Equal(text.Length - width, repl.View.Input.CaretOffset);
        repl.Press(Key.CursorUp);
        Assert.Equal(text.Length - 2 * width, repl.View.Input.CaretOffset);
        repl.Press(Key.CursorDown);
        repl.Press(Key.End);
        Assert.Equal(text.Length, repl.View.Input.CaretOffset);

        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Contains("› " + text, repl.Output);
        Assert.Equal(3, repl.Session.Runner.Session.Symbols.Seed);
    }

    [Fact]
    public void The_box_grows_to_a_quarter_of_the_screen_then_scrolls_to_the_caret()
    {
        using var repl = new HeadlessRepl(80, 24);
        string text = "seed 4  # " + string.Concat(Enumerable.Repeat("0123456789", 15));   // 160 characters: 4 rows of 40 and the caret's
        repl.Type(text);
        repl.View.Tick();
        Assert.Equal([text[..40], text[40..80], text[80..120], text[120..160], new string(' ', 40)], InputRows(repl.Screen()));

        repl.Type(string.Concat(Enumerable.Repeat("0123456789", 9)));      // 250: 7 rows, 5 fit at 24 lines
        text += string.Concat(Enumerable.Repeat("0123456789", 9));
        repl.View.Tick();
        Assert.Equal([text[80..120], text[120..160], text[160..200], text[200..240], text[240..].PadRight(40)], InputRows(repl.Screen()));
        repl.Press(Key.Home);
        Assert.Equal(text[..40], InputRows(repl.Screen())[0]);

        // Run, the box is back to three rows.
        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Equal(3, InputRows(repl.Screen()).Length);
        Assert.Equal(24, repl.Screen().Split('\n').Length);
    }
}
