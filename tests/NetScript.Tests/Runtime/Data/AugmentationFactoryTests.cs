using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Data;

[Collection(TorchCollection.Name)]
public sealed class AugmentationFactoryTests
{
    [Fact]
    public void Every_augmentation_in_the_schema_builds_from_its_defaults_and_keeps_the_shape()
    {
        using var train = TensorDataset.FromArrays(
            Enumerable.Range(0, 20 * 3 * 6 * 6).Select(i => (float)(i % 256)).ToArray(), [3, 6, 6], new long[20], 2);
        var operations = AugmentationSchema.All.Select(spec => spec.Parameters.Any(p => p.Required)
            ? new BoundArguments(spec, ImmutableDictionary<string, BoundArgument>.Empty.Add("size", new BoundArgument("size", 2L, new TextSpan(0, 1))),
                ImmutableArray<BoundArgument>.Empty)
            : BoundArguments.Defaults(spec)).Select(Lowerer.Augmentation).ToList();

        using var pipeline = AugmentationFactory.Create(operations, train);
        Assert.Equal(AugmentationSchema.All.Select(s => s.Name), pipeline.Steps.Select(s => s.Kind));
        using var batch = train.Features.narrow(0, 0, 8);
        using var output = pipeline.Apply(batch, new Generator(3), training: true);
        Assert.Equal(batch.shape, output.shape);
        Assert.InRange(output.min().item<float>(), 0, 255);
        Assert.InRange(output.max().item<float>(), 0, 255);
    }
}
