using System.Numerics;

namespace NetScript.Runtime.Statistics;

/// <summary>A layer output's summary computed on the host from its values, in the layout
/// <see cref="LayerProbe"/> decodes: mean, ‖a − mean‖, min, max, [non-zero count],
/// [saturated count], histogram counts, [per-unit peaks]. For small outputs (a dense layer's
/// B×F) this is a few passes over a copy that fits in cache, where libtorch would spend ~10 µs
/// of call overhead on each of the ~15 small reductions; <see cref="LayerProbe"/> summarises
/// large outputs with libtorch ops and its tests hold both to the same answers.</summary>
internal static class OutputSummary
{
    /// <param name="a">The output's values in row-major order.</param>
    /// <param name="shape">The output's shape: (B), (B, F) or (B, C, …).</param>
    /// <param name="positions">Where the histogram looks when the output has more than
    /// <see cref="StatisticsOptions.HistogramValues"/> values (null otherwise).</param>
    public static float[] Compute(ReadOnlySpan<float> a, long[] shape, ActivationFamily family, StatisticsOptions options, ReadOnlySpan<long> positions)
    {
        bool rectifier = family == ActivationFamily.Rectifier, saturates = family.Saturates();
        int units = rectifier ? (shape.Length == 1 ? 1 : (int)shape[1]) : 0;
        var result = new float[4 + (rectifier ? 1 : 0) + (saturates ? 1 : 0) + options.Bins + units];

        var (sum, min, max, nonzero, nan) = FirstPass(a);
        if (nan || a.Length == 0) min = max = float.NaN; // as libtorch's aminmax
        float mean = (float)(sum / a.Length);
        double squares = SquaredDistance(a, mean);
        int at = 0;
        result[at++] = mean;
        result[at++] = (float)Math.Sqrt(squares);
        result[at++] = min;
        result[at++] = max;
        if (rectifier) result[at++] = nonzero;
        if (saturates) result[at++] = Saturated(a, family, (float)options.SaturationThreshold);
        Histogram(a, positions, min, max, family, result.AsSpan(at, options.Bins));
        at += options.Bins;
        if (rectifier) UnitPeaks(a, shape, result.AsSpan(at, units), nan);
        return result;
    }

    /// <summary>Sum (in float64), min, max, the count of non-zero values and whether any is NaN,
    /// in one vectorised pass.</summary>
    static (double Sum, float Min, float Max, long NonZero, bool NaN) FirstPass(ReadOnlySpan<float> a)
    {
        int width = Vector<float>.Count, i = 0;
        var sum = Vector<double>.Zero;
        var min = new Vector<float>(float.PositiveInfinity);
        var max = new Vector<float>(float.NegativeInfinity);
        var zeros = Vector<int>.Zero;   // −1 per zero lane
        var nan = Vector<int>.Zero;     // −1 per NaN lane
        for (; i <= a.Length - width; i += width)
        {
            var v = new Vector<float>(a.Slice(i, width));
            Vector.Widen(v, out Vector<double> low, out Vector<double> high);
            sum += low + high;
            min = Vector.Min(min, v);
            max = Vector.Max(max, v);
            zeros += Vector.Equals(v, Vector<float>.Zero);
            nan |= ~Vector.Equals(v, v);
        }
        double total = Vector.Sum(sum);
        float lowest = float.PositiveInfinity, highest = float.NegativeInfinity;
        for (int lane = 0; lane < width; lane++)
        {
            lowest = Math.Min(lowest, min[lane]);
            highest = Math.Max(highest, max[lane]);
        }
        long zeroCount = -(long)Vector.Sum(zeros);
        bool anyNaN = nan != Vector<int>.Zero;
        for (; i < a.Length; i++)
        {
            float x = a[i];
            total += x;
            lowest = Math.Min(lowest, x);
            highest = Math.Max(highest, x);
            if (x == 0) zeroCount++;
            if (float.IsNaN(x)) anyNaN = true;
        }
        return (total, lowest, highest, a.Length - zeroCount, anyNaN);
    }

    /// <summary>Σ (a − c)², accumulated in float64, vectorised.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, float c)
    {
        int width = Vector<float>.Count, i = 0;
        var m = new Vector<double>(c);
        var total = Vector<double>.Zero;
        for (; i <= a.Length - width; i += width)
        {
            Vector.Widen(new Vector<float>(a.Slice(i, width)), out Vector<double> low, out Vector<double> high);
            low -= m;
            high -= m;
            total += low * low + high * high;
        }
        double sum = Vector.Sum(total);
        for (; i < a.Length; i++)
        {
            double d = a[i] - (double)c;
            sum += d * d;
        }
        return sum;
    }

    /// <summary>Σ (a − b)² over two spans of one length, accumulated in float64, vectorised.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int width = Vector<float>.Count, i = 0;
        var total = Vector<double>.Zero;
        for (; i <= a.Length - width; i += width)
        {
            Vector.Widen(new Vector<float>(a.Slice(i, width)) - new Vector<float>(b.Slice(i, width)), out Vector<double> low, out Vector<double> high);
            total += low * low + high * high;
        }
        double sum = Vector.Sum(total);
        for (; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>|a| > t for tanh; for σ the same test on 2σ − 1: |σ − ½| > t/2 (float32
    /// arithmetic, as the comparison on the tensor).</summary>
    static long Saturated(ReadOnlySpan<float> a, ActivationFamily family, float t)
    {
        long count = 0;
        if (family == ActivationFamily.Sigmoid)
        {
            float half = t / 2;
            foreach (float x in a) if (Math.Abs(x - 0.5f) > half) count++;
        }
        else
        {
            foreach (float x in a) if (Math.Abs(x) > t) count++;
        }
        return count;
    }

    /// <summary>libtorch's histc over the family's fixed range or the output's [min, max]
    /// ([v − 1, v + 1] when all outputs are v): values outside the range are not counted, the
    /// last bin includes its right edge, and the bin index is computed in float32 as histc does.
    /// Non-finite outputs leave every count zero.</summary>
    static void Histogram(ReadOnlySpan<float> a, ReadOnlySpan<long> positions, float min, float max, ActivationFamily family, Span<float> counts)
    {
        counts.Clear();
        if (!float.IsFinite(min) || !float.IsFinite(max)) return;
        var range = family.Range();
        float left = range is { } r ? (long)r.Lower : min, right = range is { } r2 ? (long)r2.Upper : max;
        if (left == right)
        {
            left -= 1;
            right += 1;
        }
        int bins = counts.Length;
        float width = right - left;
        void Count(float x, Span<float> counts)
        {
            if (!(x >= left && x <= right)) return;
            long bin = (long)((x - left) * bins / width);
            counts[(int)(bin == bins ? bins - 1 : bin)]++;
        }
        if (positions.IsEmpty)
        {
            foreach (float x in a) Count(x, counts);
            return;
        }
        foreach (long p in positions) Count(a[(int)p], counts);
        Count(min, counts);
        Count(max, counts);
    }

    /// <summary>Each unit's largest output over the batch (and positions, for image-shaped
    /// outputs): a unit is a column of a (B, F) output, a channel of a (B, C, …) one. With a NaN
    /// among the values, a unit that saw it peaks at NaN, as libtorch's amax.</summary>
    static void UnitPeaks(ReadOnlySpan<float> a, long[] shape, Span<float> peaks, bool nan)
    {
        peaks.Fill(float.NegativeInfinity);
        int units = peaks.Length;
        int inner = shape.Length <= 2 ? 1 : (int)(a.Length / shape[0] / units); // values of a unit in one sample
        if (nan)
        {
            for (int i = 0; i < a.Length; i++)
            {
                int unit = shape.Length == 1 ? 0 : i / inner % units;
                if (a[i] > peaks[unit] || float.IsNaN(a[i])) peaks[unit] = a[i];
            }
            return;
        }
        if (shape.Length == 1)
        {
            peaks[0] = Max(a);
            return;
        }
        for (int row = 0; row < a.Length; row += units * inner)
        {
            if (inner == 1)
            {
                MaxInto(peaks, a.Slice(row, units));
                continue;
            }
            for (int unit = 0; unit < units; unit++)
                peaks[unit] = Math.Max(peaks[unit], Max(a.Slice(row + unit * inner, inner)));
        }
    }

    /// <summary>peaks[j] = max(peaks[j], row[j]), vectorised.</summary>
    static void MaxInto(Span<float> peaks, ReadOnlySpan<float> row)
    {
        int width = Vector<float>.Count, j = 0;
        for (; j <= row.Length - width; j += width)
            Vector.Max(new Vector<float>(peaks.Slice(j, width)), new Vector<float>(row.Slice(j, width))).CopyTo(peaks.Slice(j, width));
        for (; j < row.Length; j++) peaks[j] = Math.Max(peaks[j], row[j]);
    }

    static float Max(ReadOnlySpan<float> values)
    {
        int width = Vector<float>.Count, i = 0;
        var max = new Vector<float>(float.NegativeInfinity);
        for (; i <= values.Length - width; i += width) max = Vector.Max(max, new Vector<float>(values.Slice(i, width)));
        float result = float.NegativeInfinity;
        for (int lane = 0; lane < width; lane++) result = Math.Max(result, max[lane]);
        for (; i < values.Length; i++) result = Math.Max(result, values[i]);
        return result;
    }
}
