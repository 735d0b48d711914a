using NetScript.Repl;
using NetScript.Repl.Syntax;
using NetScript.Repl.Views;

namespace NetScript.Tests.Repl;

/// <summary>Every colour the REPL draws text in is readable on the background it is drawn
/// on: the WCAG 2 contrast ratio, computed from the theme, is at least 4.5:1 (AA).</summary>
public sealed class ThemeTests
{
    const double AA = 4.5;

    [Theory]
    [InlineData(0, 0, 0, 255, 255, 255, 21.0)]      // the extremes
    [InlineData(128, 128, 128, 128, 128, 128, 1.0)] // equal colours
    [InlineData(119, 119, 119, 255, 255, 255, 4.48)] // #777 on white: just under AA (a known WCAG example)
    public void Computes_the_WCAG_contrast_ratio(byte r1, byte g1, byte b1, byte r2, byte g2, byte b2, double expected) =>
        Assert.Equal(expected, Rgb.Contrast(new Rgb(r1, g1, b1), new Rgb(r2, g2, b2)), 2);

    public static IEnumerable<object[]> TokenClasses() => Enum.GetValues<TokenKind>().Select(k => new object[] { k });

    public static IEnumerable<object[]> OutputKinds() => Enum.GetValues<OutputKind>().Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(TokenClasses))]
    public void Every_token_class_is_readable_on_the_input(TokenKind kind)
    {
        double ratio = Rgb.Contrast(Theme.For(kind), Theme.InputBackground);
        Assert.True(ratio >= AA, $"{kind}: {ratio:0.00}:1 on the input");
    }

    [Theory]
    [MemberData(nameof(OutputKinds))]
    public void Every_output_kind_is_readable_on_the_screen(OutputKind kind)
    {
        double ratio = Rgb.Contrast(Theme.For(kind), Theme.ScreenBackground);
        Assert.True(ratio >= AA, $"{kind}: {ratio:0.00}:1 on the output pane");
    }

    [Fact]
    public void Plain_text_is_readable_on_both_surfaces()
    {
        Assert.True(Rgb.Contrast(Theme.Foreground, Theme.ScreenBackground) >= AA);
        Assert.True(Rgb.Contrast(Theme.Foreground, Theme.InputBackground) >= AA);
    }

    [Fact]
    public void NO_COLOR_draws_every_token_in_the_plain_foreground()
    {
        bool before = Theme.NoColor;
        try
        {
            Theme.NoColor = true;
            var plain = Theme.Attribute(OutputKind.Text);
            Assert.All(Enum.GetValues<TokenKind>(), k => Assert.Equal(plain.Foreground, Theme.Attribute(k, Theme.Surface.Input).Foreground));
            Assert.All(Enum.GetValues<OutputKind>(), k => Assert.Equal(plain.Foreground, Theme.Attribute(k).Foreground));
        }
        finally
        {
            Theme.NoColor = before;
        }
    }
}
