using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using NetScript.Runtime.Models.Layers;
using NetScript.Runtime.Training;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>The engine's own per-step code leaves no TorchSharp scalar to the finalizer (see
/// <see cref="ScalarFinalizations"/>): the losses with scalar arithmetic, and a whole training
/// run through DropConnect, the piecewise-linear unit, maxout, batchnorm, leaky ReLU, ELU,
/// clipping by value and norm, accumulation, per-epoch validation and weight init; softplus;
/// residual blocks with stochastic depth; and training on images whose batches are augmented
/// and mixed (every augmentation, Mixup, CutMix, L1/L2, max-norm). Before these paths kept
/// their scalars alive, each pass of these losses abandoned 1 to 9 of them, the first run
/// (without batchnorm) 1994, about 80 a step, the residual run 64, softplus 2 a forward, and
/// the two image runs (8 steps each) 168 and 1925.</summary>
[Collection(TorchCollection.Name)]
public sealed class EngineScalarLifetimeTests
{
    public static TheoryData<string> Losses => new()
    {
        "hinge", "squared_hinge", "tukey(c=2)", "multilabel_hinge", "multilabel_logistic", "hierarchical_softmax",
    };

    [Theory, MemberData(nameof(Losses))]
    public void A_loss_forward_and_backward_leave_no_scalar_to_the_finalizer(string spec)
    {
        bool classes = spec is "hinge" or "squared_hinge" or "hierarchical_softmax";
        int width = spec == "hierarchical_softmax" ? 8 : 5;                        // hierarchical softmax takes a hidden vector
        using var loss = LossTests.Create(spec, Shape.Of(width), classes: 5);
        using var scores = randn(32, width).requires_grad_();                      // (32, width)
        using var target = classes ? randint(0, 5, [32]) : randint(0, 2, [32, width]).to_type(ScalarType.Float32);
        int finalized = ScalarFinalizations.Fewest(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                using var scope = NewDisposeScope();
                loss.call(scores, target).backward();
                _ = loss.DecisionsPerSample > 0 ? loss.Correct(scores, target) : null;
            }
        });
        Assert.True(scores.grad is not null, "the loss has a gradient");
        Assert.Equal(0, finalized);
    }

    [Fact]
    public void Softplus_matches_torch_bit_for_bit_and_leaves_no_scalar_to_the_finalizer()
    {
        using var softplus = ScalarActivation.Softplus(2, 5);
        using var reference = nn.Softplus(2, 5);
        using var x = (randn(64, 8, generator: new Generator(3)) * 4).requires_grad_(); // (64, 8): βx on both sides of the threshold
        using var weights = randn(64, 8, generator: new Generator(4));                 // a gradient that is not all ones
        (Tensor Output, Tensor Gradient) Run(nn.Module<Tensor, Tensor> module)
        {
            x.grad?.zero_();
            Tensor output = module.call(x);
            (output * weights).sum().backward();
            return (output.detach(), x.grad!.clone());
        }
        var (expected, expectedGradient) = Run(reference);
        var (actual, actualGradient) = Run(softplus);
        Assert.True(actual.eq(expected).all().item<bool>(), "softplus differs from nn.Softplus");
        Assert.True(actualGradient.eq(expectedGradient).all().item<bool>(), "softplus's gradient differs from nn.Softplus's");

        int finalized = ScalarFinalizations.Fewest(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                using var scope = NewDisposeScope();
                softplus.call(x).sum().backward();
            }
        });
        Assert.Equal(0, finalized);
    }

    /// <summary>Scalars finalized by a seeded run of <paramref name="model"/> on a small spiral
    /// split into train and val (the fewest of up to three runs, see <see cref="ScalarFinalizations"/>).</summary>
    static int ScalarsFinalizedBy(string model, string training)
    {
        string script = $$"""
            seed 1
            threads 1
            load dataset "spiral" classes=3 points=64 as d
            split d into train=0.5 val=0.5 stratify
            model m {
            {{model}}
            }
            {{training}}
            """;
        return ScalarFinalizations.Fewest(() =>
        {
            using var workspace = new Workspace();
            ExecutionResult result = Pipelines.Execute(script, workspace);
            Assert.True(result.Succeeded, result.Failure?.Message);
        });
    }

    [Fact]
    public void A_training_run_leaves_no_scalar_to_the_finalizer()
    {
        const string model = """
            dense 16 dropconnect=0.2 -> pwl -> maxout 8 k=2
            dense 8 -> batchnorm -> leaky_relu 0.1
            dense 8 -> elu
            dense 3
            init kaiming bias=0.01
            """;
        Assert.Equal(0, ScalarsFinalizedBy(model, """
            optimizer sgd lr=0.1 momentum=0.9
            train m on train epochs=3 batch=4 accumulate=2 clip_norm=1 clip_value=0.5 loss=squared_hinge validate=val top_k=2
            """));
    }

    [Fact]
    public void A_residual_network_with_stochastic_depth_leaves_no_scalar_to_the_finalizer()
    {
        // Identity and projection shortcuts, stochastic depth per batch and per sample, and
        // evaluation (branch scaled by its survival probability) on the validation split.
        const string model = """
            dense 8 -> relu
            residual { dense 8 -> relu; dense 8 }
            residual stochastic_depth=0.3 { dense 8 -> softplus }
            residual per_sample stochastic_depth=0.3 { dense 4 }
            dense 3
            """;
        Assert.Equal(0, ScalarsFinalizedBy(model, "optimizer sgd lr=0.1\ntrain m on train epochs=2 batch=8 validate=val"));
    }

    public static TheoryData<string> BatchRegularizers => new()
    {
        "augment { flip horizontal; crop 28 pad=4; jitter brightness=0.2 }; mixup",
        "augment { resized_crop; pca_noise; cutout 8; erase; randaugment }; cutmix; l1 1e-4; l2 1e-4; max_norm 2",
    };

    /// <summary>A `regularize` block on images: every training batch is augmented and mixed.</summary>
    [Theory, MemberData(nameof(BatchRegularizers))]
    public void Training_on_augmented_images_leaves_no_scalar_to_the_finalizer(string regularize)
    {
        using var generator = new Generator(5);
        using var images = new TensorDataset(rand(32, 3, 28, 28, generator: generator), randint(0, 3, [32], generator: generator), classes: 3);
        TrainPlan step = EnginePlans.Lowered("conv 4 stride=2 -> relu; flatten -> dense 3", Shape.Of(3, 28, 28),
            before: "optimizer sgd lr=0.1\n", after: $"regularize m {{ {regularize} }}\n", train: "epochs=2 batch=8");
        int finalized = ScalarFinalizations.Fewest(() =>
        {
            manual_seed(1);
            using var model = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
            var request = new TrainRequest(model, "images", images, null, step, Seed: 3)
            {
                ProgressInterval = TimeSpan.Zero,
            };
            Trainer.Train(request, new RecordingObserver(), CancellationToken.None);
        });
        Assert.Equal(0, finalized);
    }
}
