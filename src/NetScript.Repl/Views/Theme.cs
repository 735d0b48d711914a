using NetScript.Repl.Syntax;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace NetScript.Repl.Views;

/// <summary>The REPL's colours: one dark background for the screen, a slightly lighter one
/// for the input, and a foreground per token class and output kind, each at least 4.5:1
/// against the background it is drawn on (WCAG AA; a test computes every pair). With
/// `NO_COLOR` set, nothing is coloured: every token and line uses the plain foreground.</summary>
public static class Theme
{
    public enum Surface { Screen, Input }

    public static readonly Rgb ScreenBackground = new(24, 26, 31);
    public static readonly Rgb InputBackground = new(40, 44, 52);
    public static readonly Rgb Foreground = new(220, 223, 228);

    /// <summary>True when the `NO_COLOR` convention (no-color.org) asks for no colour.</summary>
    public static bool NoColor { get; set; } = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static Rgb Background(Surface surface) => surface == Surface.Input ? InputBackground : ScreenBackground;

    public static Rgb For(TokenKind kind) => kind switch
    {
        TokenKind.Keyword or TokenKind.Command => new(213, 148, 236),
        TokenKind.Operation => new(110, 184, 245),
        TokenKind.Parameter => new(229, 192, 123),
        TokenKind.Symbol => new(152, 210, 121),
        TokenKind.Number => new(235, 160, 110),
        TokenKind.String => new(120, 205, 215),
        TokenKind.Comment => new(160, 166, 178),
        _ => Foreground,
    };

    public static Rgb For(OutputKind kind) => kind switch
    {
        OutputKind.Echo => new(120, 205, 215),
        OutputKind.Error => new(255, 128, 128),
        OutputKind.Warning => new(229, 192, 123),
        OutputKind.Note => new(110, 184, 245),
        OutputKind.Result => new(152, 210, 121),
        OutputKind.Dim => new(160, 166, 178),
        _ => Foreground,
    };

    public static Attribute Attribute(TokenKind kind, Surface surface) => Make(NoColor ? Foreground : For(kind), surface);

    public static Attribute Attribute(OutputKind kind) => Make(NoColor ? Foreground : For(kind), Surface.Screen);

    /// <summary>Output lines selected for copying: the screen's colours swapped, as readable as plain text.</summary>
    public static Attribute Selected => NoColor
        ? new Attribute(Color.Black, Color.White)
        : new Attribute(ToColor(ScreenBackground), ToColor(Foreground));

    /// <summary>Gives a view the surface's colours in every role it draws with; under
    /// `NO_COLOR` the view keeps the terminal's own.</summary>
    public static void Apply(View view, Surface surface)
    {
        if (NoColor) return;
        Attribute normal = Make(Foreground, surface);
        view.SetScheme(new Scheme(normal)
        {
            Focus = normal,
            Editable = normal,
            ReadOnly = normal,
            Active = normal,
            HotNormal = normal,
            HotFocus = normal,
            Highlight = new Attribute(ToColor(Background(surface)), ToColor(Foreground)),
        });
    }

    static Attribute Make(Rgb foreground, Surface surface) => new(ToColor(foreground), ToColor(Background(surface)));

    static Color ToColor(Rgb c) => new(c.R, c.G, c.B);
}
