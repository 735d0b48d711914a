using ScottPlot;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Maps a heatmap of class indices 0…K−1 (range set to [−0.5, K−0.5]) to one flat
/// colour per class: each class owns an equal slice of the normalised range.</summary>
internal sealed class ClassColormap(Color[] colors) : IColormap
{
    public string Name => "classes";

    public Color GetColor(double position) =>
        colors[Math.Clamp((int)(position * colors.Length), 0, colors.Length - 1)];
}
