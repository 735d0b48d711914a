using NetScript.Data;
using NetScript.Runtime.Training.Losses;
using NetScript.Scripting;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

/// <summary>A snippet loss gets gradients like a built-in: the same hand-written TorchSharp
/// training loop, run under one seed with the runtime's built-in cross-entropy and with
/// <c>csharp { (p, t) =&gt; F.cross_entropy(p, t) }</c>, gives identical losses at every step.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetTrainingTests
{
    const int Steps = 60;
    const int Batch = 32;

    [Fact]
    public void A_cross_entropy_snippet_trains_exactly_like_the_built_in_loss()
    {
        CompiledSnippet snippet = SnippetScripts.InMemory().Compile("loss ce = csharp { (p, t) => F.cross_entropy(p, t) }");

        using LossFunction crossEntropy = ClassificationLoss.CrossEntropy(labelSmoothing: 0);
        var (builtIn, builtInWeights) = Train(crossEntropy.call);
        var (viaSnippet, snippetWeights) = Train(snippet.Invoke);

        Assert.Equal(builtIn, viaSnippet);                 // bit for bit, step by step
        Assert.Equal(builtInWeights, snippetWeights);
        // The loop learns (so equal losses are not equal by being constant): the mean of the
        // last ten steps is well below the first step's ln(3) ≈ 1.0986 of an untrained model.
        Assert.InRange(builtIn[0], 1.0f, 1.2f);
        Assert.True(builtIn[^10..].Average() < 0.8 * builtIn[0], string.Join(", ", builtIn));
    }

    /// <summary>A 2-16-3 MLP on the 3-class spiral, SGD with momentum, shuffled mini-batches;
    /// returns the loss of every step and the final weights.</summary>
    static (float[] Losses, float[] Weights) Train(Func<Tensor, Tensor, Tensor> loss)
    {
        using var data = SpiralDataset.Generate(classes: 3, points: 64, noise: 0.1, seed: 7);
        torch.manual_seed(42);
        using var model = nn.Sequential(("dense1", nn.Linear(2, 16)), ("relu1", nn.ReLU()), ("dense2", nn.Linear(16, 3)));
        using var optimizer = optim.SGD(model.parameters(), 0.2, momentum: 0.9);
        var losses = new float[Steps];
        long count = data.Count;
        Tensor order = torch.randperm(count);
        for (int step = 0, offset = 0; step < Steps; step++, offset += Batch)
        {
            if (offset + Batch > count)
            {
                order.Dispose();
                order = torch.randperm(count);
                offset = 0;
            }
            using var scope = torch.NewDisposeScope();
            Tensor indices = order.narrow(0, offset, Batch);
            Tensor x = data.Features.index_select(0, indices), y = data.Labels.index_select(0, indices); // (B, 2), (B)
            optimizer.zero_grad();
            Tensor value = loss(model.call(x), y);
            value.backward();
            optimizer.step();
            losses[step] = value.item<float>();
        }
        order.Dispose();
        float[] weights = [.. model.parameters().SelectMany(p => p.data<float>().ToArray())];
        return (losses, weights);
    }
}
