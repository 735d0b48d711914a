using NetScript.Scripting.Guards;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

/// <summary>The matmul guard against an independent oracle, over every pair of shapes of rank
/// 0–3 with sizes 1–3 (1600 pairs) and the dtype cases measured to abort. The oracle rebuilds
/// matmul from operations that raise catchable errors (expand for batch broadcasting, bmm for
/// the product), so the guard must accept exactly what the oracle can compute — and for every
/// accepted pair the real matmul runs and must agree. Runs in a child process: a pair the
/// guard wrongly accepted would abort it.</summary>
internal static class MatmulSweep
{
    public static int Run()
    {
        var shapes = Shapes(maxRank: 3, sizes: [1, 2, 3]);
        var mismatches = new List<string>();
        int accepted = 0;
        foreach (long[] a in shapes)
        {
            foreach (long[] b in shapes)
            {
                using var scope = torch.NewDisposeScope();
                Tensor x = torch.randn(a, ScalarType.Float64), y = torch.randn(b, ScalarType.Float64);
                string? error = MatmulRule.Check(a, b, x.dtype, y.dtype, x.device_type, y.device_type);
                Tensor? expected = Oracle(x, y);
                string pair = $"{Format(a)} @ {Format(b)}";
                if ((error is null) != (expected is not null))
                {
                    mismatches.Add($"{pair}: guard says {error ?? "valid"}, oracle says {(expected is null ? "invalid" : "valid")}");
                    continue;
                }
                if (error is not null) continue;
                accepted++;
                Console.Error.WriteLine($"native {pair}");   // the last line before an abort names the pair
                Tensor actual = SnippetGuards.matmul(x, y);
                if (!actual.shape.SequenceEqual(expected!.shape) || !actual.allclose(expected))
                    mismatches.Add($"{pair}: matmul gave {Format(actual.shape)}, oracle {Format(expected.shape)}");
            }
        }
        mismatches.AddRange(DtypeMismatches());
        Console.WriteLine($"{shapes.Count * shapes.Count} shape pairs: {accepted} valid, {shapes.Count * shapes.Count - accepted} refused; {mismatches.Count} mismatches");
        foreach (string mismatch in mismatches) Console.WriteLine(mismatch);
        return mismatches.Count == 0 ? 0 : 1;
    }

    /// <summary>Dtype pairs measured to abort inside matmul must be refused; same-dtype numeric
    /// pairs must run.</summary>
    static IEnumerable<string> DtypeMismatches()
    {
        (ScalarType A, ScalarType B, bool Valid)[] cases =
        [
            (ScalarType.Float32, ScalarType.Int64, false),
            (ScalarType.Float32, ScalarType.Float64, false),
            (ScalarType.Bool, ScalarType.Bool, false),
            (ScalarType.Int64, ScalarType.Int64, true),
            (ScalarType.Int32, ScalarType.Int32, true),
            (ScalarType.Float64, ScalarType.Float64, true),
        ];
        foreach (var (typeA, typeB, valid) in cases)
        {
            using var scope = torch.NewDisposeScope();
            Tensor x = torch.ones([3, 4], typeA), y = torch.ones([4, 2], typeB);
            string? error = MatmulRule.Check(x.shape, y.shape, typeA, typeB, x.device_type, y.device_type);
            if ((error is null) != valid) yield return $"{typeA} @ {typeB}: guard says {error ?? "valid"}, expected {(valid ? "valid" : "refused")}";
            else if (valid && SnippetGuards.matmul(x, y).to(ScalarType.Float64).sum().item<double>() != 3 * 2 * 4)
                yield return $"{typeA} @ {typeB}: wrong product";
        }
    }

    /// <summary>torch.matmul's documented semantics from catchable operations; null when they fail.</summary>
    static Tensor? Oracle(Tensor a, Tensor b)
    {
        if (a.dim() == 0 || b.dim() == 0) return null; // "both arguments to matmul need to be at least 1D"
        try
        {
            Tensor left = a.dim() == 1 ? a.unsqueeze(0) : a;    // (…, m, n)
            Tensor right = b.dim() == 1 ? b.unsqueeze(1) : b;   // (…, n, p)
            long[] batch = torch.broadcast_tensors(torch.empty(left.shape[..^2]), torch.empty(right.shape[..^2]))[0].shape;
            long m = left.shape[^2], n = left.shape[^1], n2 = right.shape[^2], p = right.shape[^1];
            Tensor product = left.expand([.. batch, m, n]).reshape(-1, m, n)
                .bmm(right.expand([.. batch, n2, p]).reshape(-1, n2, p))
                .reshape([.. batch, m, p]);
            if (a.dim() == 1) product = product.squeeze(-2);
            if (b.dim() == 1) product = product.squeeze(-1);
            return product;
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            return null;
        }
    }

    static List<long[]> Shapes(int maxRank, long[] sizes)
    {
        var all = new List<long[]> { Array.Empty<long>() };
        var previous = new List<long[]> { Array.Empty<long>() };
        for (int rank = 1; rank <= maxRank; rank++)
        {
            previous = [.. previous.SelectMany(shape => sizes.Select(size => (long[])[.. shape, size]))];
            all.AddRange(previous);
        }
        return all;
    }

    static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
