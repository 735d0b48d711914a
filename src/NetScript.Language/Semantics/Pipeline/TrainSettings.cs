namespace NetScript.Language.Semantics;

/// <summary>Typed view of a checked <c>train</c> statement's options (defaults from
/// <see cref="Schema.StatementSchema.Train"/>).</summary>
public sealed record TrainSettings(BoundArguments Arguments)
{
    public int Epochs => (int)Arguments.Int("epochs");

    public int BatchSize => (int)Arguments.Int("batch");

    public string Loss => Arguments.Text("loss");

    public bool Shuffle => Arguments.Flag("shuffle");

    /// <summary>Sample per-layer statistics every this many steps; 0 = off.</summary>
    public int StatisticsEvery => (int)Arguments.Int("stats");
}
