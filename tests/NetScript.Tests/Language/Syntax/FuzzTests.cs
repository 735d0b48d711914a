using System.Diagnostics;
using System.Text;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Syntax;

/// <summary>Mutated scripts (seeded byte flips, deletions, duplications, truncations, token
/// insertions, and numbers replaced by values at and past every integer limit the schema states,
/// of every script, golden input and grammar example) must never make the front end throw, hang
/// or report a position outside the text; those that still parse must format to the same syntax
/// tree, and those that check must hold no wrapped count (a size, epoch count or parameter count
/// at or below zero). Deterministic (one seed); to explore further, change the seed
/// locally and run it a few times.</summary>
public sealed class FuzzTests
{
    const int Mutations = 10_000;
    const int Seed = 20_261_123;

    // Characters and tokens that matter to the grammar, so mutations reach its corners.
    static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "(", ")", "\"", "'", "#", ";", "=", ",", "->", "-", "*", "/", "$", ":", "?", "\n", "\r\n", "\t",
        " ", "\\", "csharp {", "residual {", "model m {", "1e-4", "3.", "as", "on", "into", "from", "to", "@\"", "$\"{", "\"\"\"",
        "//", "/*", "\0", "\uFEFF", "\uD800", "é", "seed", "train", ":load x", "early_stop(", "conv*", "dense:last", "`",
    ];

    [Fact]
    public void Mutated_scripts_never_crash_hang_or_report_positions_outside_the_text()
    {
        var corpus = LanguageCorpus.All().Select(c => c.Text).Where(t => t.Length > 0).ToList();
        Assert.True(corpus.Count >= 20, "the corpus is unexpectedly small");
        var random = new Random(Seed);
        var inputs = Enumerable.Range(0, Mutations).Select(_ => Mutate(corpus[random.Next(corpus.Count)], random)).ToList();

        var failures = new List<string>();
        int done = 0;
        double slowest = 0;
        var worker = new Thread(() =>
        {
            foreach (string input in inputs)
            {
                var clock = Stopwatch.StartNew();
                string? failure = Exercise(input, interactive: done % 2 == 1);
                double seconds = clock.Elapsed.TotalSeconds;
                // A shared machine can stall any one run: only a second slow run counts as a hang.
                if (seconds > 1 && Time(() => Exercise(input, done % 2 == 1)) > 1) failure ??= $"took {seconds:0.00} s";
                slowest = Math.Max(slowest, seconds);
                if (failure is not null) failures.Add(failure + "\ninput: " + Escape(input));
                Interlocked.Increment(ref done);
            }
        }, maxStackSize: 4 << 20) { IsBackground = true };
        worker.Start();
        Assert.True(worker.Join(TimeSpan.FromMinutes(3)), $"hung at mutation {done}: {Escape(inputs[Math.Min(done, inputs.Count - 1)])}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Mutations} mutations failed (slowest {slowest:0.000} s); first:\n" + string.Join("\n\n", failures.Take(3)));
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Null when the input was handled well, else what went wrong.</summary>
    internal static string? Exercise(string input, bool interactive)
    {
        try
        {
            var source = SourceText.From(input, "fuzz.nns");
            var compilation = Compilation.Create(source, new CompilationOptions(new CatalogResolver(), AllowRedefinition: interactive));
            foreach (Diagnostic diagnostic in compilation.Diagnostics)
            {
                if (diagnostic.Span.Start < 0 || diagnostic.Span.End > source.Length || diagnostic.Span.Length < 0)
                    return $"{diagnostic.Id} has span {diagnostic.Span} outside a text of {source.Length} characters";
                DiagnosticFormatter.Format(diagnostic);
            }
            if (compilation.Program is { } program && WrappedCount(program) is { } wrapped)
                return wrapped;
            if (compilation.Syntax.Diagnostics.IsEmpty)
            {
                string formatted = SyntaxFormatter.Format(compilation.Syntax);
                var reparsed = SyntaxParser.Parse(SourceText.From(formatted));
                if (!reparsed.Diagnostics.IsEmpty)
                    return "formatted text does not parse: " + reparsed.Diagnostics[0] + "\nformatted: " + Escape(formatted);
                // (Idempotence is checked on the whole corpus by FormatterTests.)
                if (SyntaxPrinter.Print(reparsed) != SyntaxPrinter.Print(compilation.Syntax))
                    return "formatting changed the syntax tree\nformatted: " + Escape(formatted);
            }
            return null;
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace;
        }
    }

    /// <summary>A count that wrapped past a 32- or 64-bit limit shows up as zero or negative.</summary>
    static string? WrappedCount(NetScript.Language.Semantics.CheckedProgram program)
    {
        foreach (var train in program.Steps.OfType<NetScript.Language.Semantics.TrainStep>())
        {
            if (train.Settings.Epochs <= 0 || train.Settings.BatchSize <= 0)
                return $"train has epochs={train.Settings.Epochs} batch={train.Settings.BatchSize}";
            foreach (var layer in train.Plan.Layers.SelectMany(l => l.Descendants()))
                if (layer.Parameters < 0 || layer.Output.Dims.Any(d => d <= 0))
                    return $"{layer.Layer.Kind} has output {layer.Output} and {layer.Parameters} parameters";
        }
        return null;
    }

    /// <summary>Every bound the schema states, one past it, and the edges of 32-, 53- and 64-bit
    /// numbers, written as integers, with exponents and as overflowing literals.</summary>
    static readonly string[] LimitNumbers = SchemaCatalogLimits.Values()
        .SelectMany(v => new[] { v, v + 1, v - 1 })
        .Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
        .Concat(["2147483647", "2147483648", "4294967295", "4294967296", "9007199254740993", "9223372036854775807",
            "9223372036854775808", "18446744073709551616", "1e9", "1e10", "3e9", "2.147483648e9", "1e308", "1e999",
            "0", "0.0", "1e-999", new string('9', 400)])
        .Distinct()
        .ToArray();

    static string ReplaceNumber(string text, Random random)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w.])\d+(\.\d+)?([eE]-?\d+)?");
        if (numbers.Count == 0) return text;
        var number = numbers[random.Next(numbers.Count)];
        return text[..number.Index] + LimitNumbers[random.Next(LimitNumbers.Length)] + text[(number.Index + number.Length)..];
    }

    static string Mutate(string text, Random random)
    {
        int edits = 1 + random.Next(3);
        for (int i = 0; i < edits; i++)
        {
            text = random.Next(8) switch
            {
                6 or 7 => ReplaceNumber(text, random),
                0 => FlipByte(text, random),
                1 => Delete(text, random),
                2 => Duplicate(text, random),
                3 => text[..random.Next(text.Length + 1)],
                _ => text.Insert(random.Next(text.Length + 1), Tokens[random.Next(Tokens.Length)]),
            };
        }
        return text;
    }

    // On the UTF-8 bytes, as a damaged file would be read (invalid sequences decode to U+FFFD).
    static string FlipByte(string text, Random random)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0) return text;
        int at = random.Next(bytes.Length);
        bytes[at] = random.Next(2) == 0 ? (byte)(bytes[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
        return Encoding.UTF8.GetString(bytes);
    }

    static string Delete(string text, Random random)
    {
        if (text.Length == 0) return text;
        int start = random.Next(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, 1 + random.Next(12)));
    }

    static string Duplicate(string text, Random random)
    {
        if (text.Length == 0) return text;
        int start = random.Next(text.Length);
        string piece = text.Substring(start, Math.Min(text.Length - start, 1 + random.Next(40)));
        return text.Insert(random.Next(text.Length + 1), piece);
    }

    static string Escape(string text) =>
        text.Length > 600 ? Escape(text[..600]) + "…" : text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
