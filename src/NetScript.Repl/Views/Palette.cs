using NetScript.Repl.Syntax;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScript.Repl.Views;

/// <summary>Foreground colours (16-colour, so they work in any terminal) on a view's own background.</summary>
public static class Palette
{
    public static Attribute For(TokenKind kind, Color background) => new(kind switch
    {
        TokenKind.Keyword => ColorName16.BrightMagenta,
        TokenKind.Operation => ColorName16.BrightCyan,
        TokenKind.Parameter => ColorName16.BrightYellow,
        TokenKind.Symbol => ColorName16.BrightGreen,
        TokenKind.Number => ColorName16.BrightBlue,
        TokenKind.String => ColorName16.Yellow,
        TokenKind.Comment => ColorName16.DarkGray,
        TokenKind.Command => ColorName16.BrightMagenta,
        _ => ColorName16.Gray,
    }, background);

    public static Attribute? For(OutputKind kind, Color background) => kind switch
    {
        OutputKind.Echo => new Attribute(ColorName16.BrightCyan, background),
        OutputKind.Error => new Attribute(ColorName16.BrightRed, background),
        OutputKind.Warning => new Attribute(ColorName16.BrightYellow, background),
        OutputKind.Note => new Attribute(ColorName16.Cyan, background),
        OutputKind.Result => new Attribute(ColorName16.BrightGreen, background),
        OutputKind.Dim => new Attribute(ColorName16.DarkGray, background),
        _ => null,
    };
}
