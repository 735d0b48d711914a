using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>Shape, range and determinism under a seed for every augmentation, plus a known
/// answer for each where one exists.</summary>
[Collection(TorchCollection.Name)]
public sealed class AugmentationTests
{
    static readonly ValueRange Pixels = new(0, 1);

    public static IEnumerable<object[]> All() => Augmentations().Select(a => new object[] { a.Kind });

    internal static IEnumerable<IAugmentation> Augmentations()
    {
        using var images = Images(64, 3, 8, 8, seed: 4);
        return
        [
            new Flip(horizontal: true, 0.5), new RandomCrop(null, 2), new RandomResizedCrop(null, 0.3, 1, 0.75, 4.0 / 3),
            new ColorJitter(0.4, 0.4, Pixels), PcaColorNoise.Fit(images, 0.5, Pixels), new Cutout(4, 1, 0),
            new RandomErasing(1, 0.02, 0.33, 0.3, 3.3, 0), new RandAugment(2, 15, Pixels),
        ];
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Keeps_the_shape_stays_in_range_and_repeats_under_a_seed(string kind)
    {
        IAugmentation augmentation = Augmentations().Single(a => a.Kind == kind);
        using var batch = Images(16, 3, 8, 8, seed: 1);
        using var first = augmentation.Apply(batch, new Generator(7));
        using var again = augmentation.Apply(batch, new Generator(7));
        using var other = augmentation.Apply(batch, new Generator(8));
        Assert.Equal(batch.shape, first.shape);
        Assert.True(first.min().item<float>() >= 0 && first.max().item<float>() <= 1, $"{kind} left the range [0, 1]");
        Assert.True(Same(first, again), $"{kind} is not reproducible under a seed");
        Assert.False(Same(first, other), $"{kind} ignores the seed");
        Assert.False(Same(first, batch), $"{kind} changed nothing");
    }

    [Fact]
    public void Flip_with_certainty_mirrors_and_never_leaves_alone()
    {
        using var batch = Images(4, 1, 3, 5, seed: 2);
        using var h = new Flip(true, 1).Apply(batch, new Generator(1));
        using var v = new Flip(false, 1).Apply(batch, new Generator(1));
        using var none = new Flip(true, 0).Apply(batch, new Generator(1));
        Assert.True(Same(h, batch.flip(3)));
        Assert.True(Same(v, batch.flip(2)));
        Assert.True(Same(none, batch));
    }

    [Fact]
    public void Crop_with_padding_shifts_each_image_by_at_most_pad_and_fills_with_zeros()
    {
        using var batch = Images(32, 2, 6, 6, seed: 3) + 1; // no zeros of its own
        using var cropped = new RandomCrop(null, 2).Apply(batch, new Generator(5));
        var shifts = new HashSet<(int, int)>();
        for (int i = 0; i < 32; i++)
        {
            using var image = batch[i];
            using var output = cropped[i];
            var shift = Shifts().First(s => Same(output, Shifted(image, s.Dy, s.Dx)));
            shifts.Add(shift);
        }
        Assert.True(shifts.Count > 5, "shifts should vary between images");
        using var same = new RandomCrop(null, 0).Apply(batch, new Generator(5));
        Assert.True(Same(same, batch));
    }

    [Theory]
    [InlineData(CropPadding.Edge)]
    [InlineData(CropPadding.Reflect)]
    public void Crop_pads_with_the_border_pixel_or_the_mirrored_image(CropPadding mode)
    {
        // Reference by index: a pixel shifted in from outside row/column k < 0 or k ≥ n reads the
        // nearest border pixel (edge: clamp k) or its mirror image (reflect: −k, 2(n − 1) − k).
        static int Source(int k, int n, CropPadding mode) => mode == CropPadding.Edge
            ? Math.Clamp(k, 0, n - 1)
            : k < 0 ? -k : k >= n ? 2 * (n - 1) - k : k;
        using var batch = Images(16, 2, 5, 6, seed: 8);
        using var cropped = new RandomCrop(null, 2, mode).Apply(batch, new Generator(3));
        float[] input = batch.data<float>().ToArray(), output = cropped.data<float>().ToArray();
        var shifts = new HashSet<(int, int)>();
        for (int i = 0; i < 16; i++)
        {
            var match = Shifts().Where(shift =>
            {
                for (int c = 0; c < 2; c++)
                for (int y = 0; y < 5; y++)
                for (int x = 0; x < 6; x++)
                {
                    int from = ((i * 2 + c) * 5 + Source(y - shift.Dy, 5, mode)) * 6 + Source(x - shift.Dx, 6, mode);
                    if (output[((i * 2 + c) * 5 + y) * 6 + x] != input[from]) return false;
                }
                return true;
            }).ToList();
            Assert.NotEmpty(match);
            shifts.Add(match[0]);
        }
        Assert.True(shifts.Count > 5, "shifts should vary between images");
    }

    [Fact]
    public void Reflect_padding_as_wide_as_the_image_is_refused()
    {
        using var batch = Images(2, 1, 3, 3, seed: 1);
        var error = Assert.Throws<DataException>(() => new RandomCrop(null, 3, CropPadding.Reflect).Apply(batch, new Generator(1)));
        Assert.Contains("mode=reflect", error.Message);
    }

    [Fact]
    public void Resized_crop_of_the_whole_image_is_the_image()
    {
        using var batch = Images(3, 1, 7, 7, seed: 6);
        using var output = new RandomResizedCrop(null, 1, 1, 1, 1).Apply(batch, new Generator(1));
        Assert.True(output.allclose(batch, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Brightness_jitter_scales_each_image_by_one_factor_in_its_interval()
    {
        using var batch = Images(8, 1, 4, 4, seed: 7) * 0.5 + 0.1; // in [0.1, 0.6]: a factor up to 1.5 stays below 1
        using var output = new ColorJitter(0.5, 0, Pixels).Apply(batch, new Generator(3));
        using var ratio = output / batch;
        for (int i = 0; i < 8; i++)
        {
            float[] r = ratio[i].flatten().data<float>().ToArray();
            Assert.All(r, v => Assert.Equal(r[0], v, 1e-4));
            Assert.InRange(r[0], 0.5f, 1.5f);
        }
    }

    [Fact]
    public void Pca_noise_shifts_each_image_uniformly_along_the_fitted_components()
    {
        // Channels 0 and 1 move together (variance 2 along (1, 1)/√2); channel 2 is constant.
        var random = new SeededRandom(9);
        var values = new float[50 * 3 * 4];
        for (int n = 0; n < 50; n++)
            for (int p = 0; p < 4; p++)
            {
                float z = (float)random.NextGaussian();
                values[(n * 3 + 0) * 4 + p] = z;
                values[(n * 3 + 1) * 4 + p] = z;
                values[(n * 3 + 2) * 4 + p] = 0.5f;
            }
        using var images = tensor(values).reshape(50, 3, 2, 2);
        using var noise = PcaColorNoise.Fit(images, 0.1, new ValueRange(-100, 100));
        float[] lambda = noise.Variances;
        // By hand: the covariance [[v, v, 0], [v, v, 0], [0, 0, 0]] has eigenvalues 2v, 0, 0.
        var first = Enumerable.Range(0, 50).SelectMany(n => Enumerable.Range(0, 4).Select(p => (double)values[(n * 3) * 4 + p])).ToArray();
        double mean = first.Average();
        double v = first.Select(x => (x - mean) * (x - mean)).Average();
        Assert.Equal(2 * v, lambda[0], 1e-4);
        Assert.Equal(0, lambda[1], 1e-4);
        Assert.Equal(0, lambda[2], 1e-4);

        using var output = noise.Apply(images, new Generator(2));
        using var shift = output - images; // (N, C, H, W): one offset per image and channel
        using var spread = shift.amax([2, 3]) - shift.amin([2, 3]);
        Assert.True(spread.max().item<float>() < 1e-5);
        using var perImage = shift.mean([2, 3]); // (N, C): along (1, 1, 0) only
        Assert.True(perImage.select(1, 0).allclose(perImage.select(1, 1), atol: 1e-5));
        Assert.True(perImage.select(1, 2).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Cutout_blanks_one_square_clipped_by_the_border()
    {
        using var batch = ones(64, 1, 10, 10);
        using var output = new Cutout(4, 1, 0).Apply(batch, new Generator(11));
        for (int i = 0; i < 64; i++)
        {
            using var zero = output[i, 0] == 0;
            using var rows = zero.any(1);
            using var cols = zero.any(0);
            long r = rows.sum().item<long>(), c = cols.sum().item<long>();
            Assert.Equal(r * c, zero.sum().item<long>()); // a rectangle
            Assert.InRange(r, 2, 4);
            Assert.InRange(c, 2, 4);
        }
    }

    [Fact]
    public void Erasing_blanks_a_rectangle_of_the_requested_area_inside_the_image()
    {
        using var batch = ones(64, 1, 20, 20);
        using var output = new RandomErasing(1, 0.1, 0.2, 0.5, 2, 0).Apply(batch, new Generator(12));
        for (int i = 0; i < 64; i++)
        {
            using var zero = output[i, 0] == 0;
            long area = zero.sum().item<long>();
            using var rows = zero.any(1);
            using var cols = zero.any(0);
            Assert.Equal(rows.sum().item<long>() * cols.sum().item<long>(), area);
            Assert.InRange(area, 0.1 * 400 * 0.7, 0.2 * 400 * 1.3); // rounding the sides to whole pixels
        }
        using var never = new RandomErasing(0, 0.1, 0.2, 0.5, 2, 0).Apply(batch, new Generator(12));
        Assert.True(Same(never, batch));
    }

    [Fact]
    public void The_pipeline_applies_its_steps_only_in_training()
    {
        using var batch = Images(4, 1, 5, 5, seed: 13);
        using var pipeline = new AugmentationPipeline([new Flip(true, 1), new Flip(false, 1)]);
        Assert.Same(batch, pipeline.Apply(batch, new Generator(1), training: false));
        using var trained = pipeline.Apply(batch, new Generator(1), training: true);
        Assert.True(Same(trained, batch.flip(3).flip(2)));
    }

    [Fact]
    public void Flat_samples_are_refused_with_a_message()
    {
        using var flat = ones(4, 10);
        var e = Assert.Throws<DataException>(() => new Flip(true, 1).Apply(flat, new Generator(1)));
        Assert.Equal("augmentation `flip` works on images (B, C, H, W); this batch has shape [4, 10]", e.Message);
    }

    static bool Same(Tensor a, Tensor b)
    {
        using var equal = a.eq(b).all();
        return a.shape.SequenceEqual(b.shape) && equal.item<bool>();
    }

    static Tensor Images(long b, long c, long h, long w, long seed) => rand([b, c, h, w], generator: new Generator((ulong)seed));

    static IEnumerable<(int Dy, int Dx)> Shifts() =>
        from dy in Enumerable.Range(-2, 5) from dx in Enumerable.Range(-2, 5) select (dy, dx);

    /// <summary>The image moved by (dy, dx) with zeros where nothing moved in.</summary>
    static Tensor Shifted(Tensor image, int dy, int dx)
    {
        long h = image.shape[1], w = image.shape[2];
        var padded = nn.functional.pad(image.unsqueeze(0), [2, 2, 2, 2]).squeeze(0);
        return padded.narrow(1, 2 - dy, h).narrow(2, 2 - dx, w);
    }
}
