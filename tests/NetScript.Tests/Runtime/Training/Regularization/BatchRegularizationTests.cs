using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Training.Regularization;

/// <summary>`regularize` settings that change training batches, on small random images:
/// augmentations apply to training batches only (never to validation), runs are
/// reproducible and resume exactly, and the checker keeps images the size the model needs.</summary>
[Collection(TorchCollection.Name)]
public sealed class BatchRegularizationTests
{
    static readonly Shape Image = Shape.Of(1, 4, 4);

    /// <summary>N random 1×4×4 images in 3 classes, from a fixed seed.</summary>
    static TensorDataset Images(int n, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return new TensorDataset(rand(n, 1, 4, 4, generator: generator), randint(0, 3, [n], generator: generator), classes: 3);
    }

    static TrainPlan Step(string regularize, string train = "epochs=2 batch=8 shuffle=false validate=val", string model = "flatten\ndense 3") =>
        EnginePlans.Lowered(model, Image, before: "optimizer sgd lr=0.5\n", after: regularize == "" ? "" : $"regularize m {{ {regularize} }}\n", train: train);

    static TrainedModel Build(TrainPlan step)
    {
        manual_seed(11); // the same initial weights for every run
        return new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
    }

    static TrainRequest Request(TrainPlan step, TrainedModel model, TensorDataset data, TensorDataset? validation) =>
        new(model, "d", data, validation, step, Seed: 3)
        {
            ProgressInterval = TimeSpan.Zero,
        };

    [Fact]
    public void Augmentation_changes_training_batches_and_never_validation()
    {
        using var train = Images(32, 1);
        using var val = Images(16, 2);
        using var flippedTrain = new TensorDataset(train.Features.flip(3), train.Labels.clone(), 3);
        using var flippedVal = new TensorDataset(val.Features.flip(3), val.Labels.clone(), 3);

        // Flipping every training image (p = 1) is training on the mirrored data…
        TrainPlan augmented = Step("augment { flip horizontal p=1 }"), plain = Step("");
        using var a = Build(augmented);
        using var b = Build(plain);
        var observed = new RecordingObserver();
        TrainingResult withAugment = Trainer.Train(Request(augmented, a, train, val), observed, CancellationToken.None);
        TrainingResult onMirrored = Trainer.Train(Request(plain, b, flippedTrain, val), new RecordingObserver(), CancellationToken.None);
        Assert.Equal(onMirrored.Train, withAugment.Train);
        Assert.Equal(Weights(b), Weights(a));

        // …while validation sees the images as they are, not mirrored.
        Metrics asTheyAre = Evaluator.Evaluate(a.Module, a.Loss!, val, 256), mirrored = Evaluator.Evaluate(a.Module, a.Loss!, flippedVal, 256);
        Assert.Equal(asTheyAre, withAugment.Validation);
        Assert.NotEqual(mirrored.Loss, withAugment.Validation!.Loss);
    }

    static float[][] Weights(TrainedModel model) =>
        model.Module.parameters().Select(p => p.data<float>().ToArray()).ToArray();

    const string Everything = "augment { flip horizontal; crop pad=1; cutout 2 }; mixup alpha=0.4; cutmix; l1 1e-3; max_norm 2";

    [Fact]
    public void Batch_regularization_is_reproducible_and_resumes_exactly()
    {
        using var train = Images(40, 4);
        TrainPlan step = EnginePlans.Lowered("flatten\ndense 8 -> relu\ndense 3", Image, before: "optimizer sgd lr=0.2 momentum=0.9\nschedule cosine warmup=3 steps\n",
            after: $"regularize m {{ {Everything} }}\n", train: "epochs=3 batch=8");
        float[][] Run(Func<TrainRequest, TrainRequest>? change = null, Action<RunEvent, CancellationTokenSource>? onEvent = null)
        {
            using var model = Build(step);
            using var cancel = new CancellationTokenSource();
            var request = Request(step, model, train, null);
            try
            {
                Trainer.Train(change?.Invoke(request) ?? request, new CheckpointTests.CallbackObserver(e => onEvent?.Invoke(e, cancel)), cancel.Token);
            }
            catch (TrainingCancelledException)
            {
            }
            return Weights(model);
        }
        float[][] straight = Run(), again = Run();
        Assert.Equal(straight, again);

        string directory = Scripts.TempDirectory();
        Run(r => r with { CheckpointDirectory = directory }, (e, cancel) =>
        {
            if (e is TrainingProgress { Epoch: 2, Step: 3 }) cancel.Cancel();
        });
        float[][] resumed = Run(r => r with { ResumeFrom = Path.Combine(directory, "last.ckpt") });
        Assert.Equal(straight, resumed);
        Assert.NotEqual(straight, Run(r => r with { Seed = 4 })); // another seed draws (and shuffles) otherwise
    }

    [Fact]
    public void The_dropout_setting_sets_every_dropout_layer()
    {
        using var train = Images(16, 5);
        TrainPlan step = Step("dropout 0.1", "epochs=1 batch=8", "flatten\ndense 8 -> dropout 0.5\ndense 3 -> dropout 0.5");
        using var model = Build(step);
        Trainer.Train(Request(step, model, train, null), new RecordingObserver(), CancellationToken.None);
        double[] rates = model.Module.modules().OfType<TorchSharp.Modules.Dropout>().Select(d => d.p).ToArray();
        Assert.Equal([0.1, 0.1], rates);
    }

    [Fact]
    public void Augmentations_must_keep_the_images_size()
    {
        var compilation = EnginePlans.Check("flatten\ndense 3", Shape.Of(1, 28, 28), after: "regularize m { augment { flip horizontal; crop 24 pad=2 } }\n");
        var error = Assert.Single(compilation.Diagnostics);
        Assert.Equal("NS0722", error.Id);
        Assert.Equal("augmentation `crop` makes 24×24 images, but model `m` trains on [1, 28, 28]; leave out the size so it keeps the images' size", error.Message);
        Assert.Equal("24", compilation.Syntax.Source.ToString(error.Span));

        TrainPlan fits = EnginePlans.Lowered("flatten\ndense 3", Shape.Of(1, 28, 28), after: "regularize m { augment { crop 28 pad=2; resized_crop scale_min=0.5 } }\n");
        Assert.Equal(["crop", "resized_crop"], fits.Regularization!.Augmentations.Select(a => a.Kind));
    }
}
