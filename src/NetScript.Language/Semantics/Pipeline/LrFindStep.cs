using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A checked `lr_find`: the range, the suggestion rule (<see cref="Suggest"/>, the
/// schema's choice) and the training (batch, loss, optimizer, regularization) its mini-batches use.</summary>
public sealed record LrFindStep(string Model, string Data, double Start, double End, int Steps, TrainStep Train, TextSpan Span) : PipelineStep(Span)
{
    public string Suggest { get; init; } = "valley";
}
