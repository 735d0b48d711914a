using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Data;

/// <summary>`preprocess` overwrites the datasets it replaces instead of copying them, with the
/// values a fresh application gives.</summary>
[Collection(TorchCollection.Name)]
public sealed class InPlacePreprocessingTests
{
    [Fact]
    public void Preprocessing_overwrites_the_split_it_was_fitted_on_and_the_other_targets()
    {
        const string script = """
            seed 3
            load dataset "blobs" as train
            load dataset "blobs" as test
            split train into train=0.75 val=0.25 stratify
            preprocess { scale 0.5; standardize }
            """;
        using var workspace = new Workspace();
        using var before = new Snapshots(workspace);
        var result = Pipelines.Execute(script, workspace, before);
        Assert.True(result.Succeeded, result.Failure?.Message);

        foreach (string name in new[] { "train", "val", "test" })
        {
            TensorDataset data = workspace.Dataset(name);
            Assert.Same(before.Datasets[name], data);
            using Tensor expected = PreprocessingState.Apply(workspace.Transforms, before.Features[name]);
            Assert.Equal(expected.data<float>().ToArray(), data.Features.data<float>().ToArray());
        }
        var (std, mean) = workspace.Dataset("train").Features.std_mean([0], unbiased: false);
        using (std)
        using (mean)
        {
            Assert.All(mean.data<float>().ToArray(), m => Assert.Equal(0, m, 1e-5));
            Assert.All(std.data<float>().ToArray(), s => Assert.Equal(1, s, 1e-4));
        }
    }

    /// <summary>Each dataset as it was when it became ready, and a copy of its features.</summary>
    sealed class Snapshots(Workspace workspace) : IRunObserver, IDisposable
    {
        public Dictionary<string, TensorDataset> Datasets { get; } = new();

        public Dictionary<string, Tensor> Features { get; } = new();

        public void OnEvent(RunEvent e)
        {
            if (e is not DatasetReady ready) return;
            Datasets[ready.Name] = workspace.Dataset(ready.Name);
            if (Features.Remove(ready.Name, out Tensor? old)) old.Dispose();
            Features[ready.Name] = workspace.Dataset(ready.Name).Features.clone();
        }

        public void Dispose()
        {
            foreach (Tensor features in Features.Values) features.Dispose();
        }
    }
}
