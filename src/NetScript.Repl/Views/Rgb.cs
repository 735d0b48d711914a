namespace NetScript.Repl.Views;

/// <summary>A 24-bit colour and the WCAG 2 contrast ratio between two of them.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Relative luminance (WCAG 2: sRGB channels linearised, weighted 0.2126/0.7152/0.0722).</summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    /// <summary>(lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white.
    /// WCAG AA asks ≥ 4.5 for text.</summary>
    public static double Contrast(Rgb a, Rgb b)
    {
        double x = a.Luminance, y = b.Luminance;
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
