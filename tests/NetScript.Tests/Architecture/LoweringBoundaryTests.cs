using System.Text.RegularExpressions;

namespace NetScript.Tests.Architecture;

/// <summary>The runtime consumes lowered plans only: it never reads an argument by its schema
/// name nor a schema table. NetScript.Language/Lowering is the one place that does, so a change
/// of spelling in the schema touches the language project only.</summary>
public sealed partial class LoweringBoundaryTests
{
    [GeneratedRegex("""\bBoundArguments\b|\.(Int|OptionalInt|Number|OptionalNumber|Flag|Text|OptionalText|Names|Integers|OptionalDuration|Group|SpanOf)\("|\b(LayerSchema|ActivationSchema|InitSchema|LossSchema|OptimizerSchema|ScheduleSchema|RegularizationSchema|AugmentationSchema|PreprocessingSchema|StatementSchema|LoadSchema|DatasetCatalogSchema|OptionGroupSchema|SearchSchema|SchemaCatalog)\b""")]
    private static partial Regex SchemaLookup();

    [Fact]
    public void The_runtime_reads_no_argument_by_its_schema_name()
    {
        string runtime = Path.Combine(RepoPaths.Root, "src", "NetScript.Runtime");
        var lookups = Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(runtime, file), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && SchemaLookup().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}");
        Assert.Empty(lookups);
    }

    [Fact]
    public void A_lookup_by_schema_name_is_recognised()
    {
        Assert.Matches(SchemaLookup(), """double lr = a.Number("lr");""");
        Assert.Matches(SchemaLookup(), "if (spec == LayerSchema.Dense) return;");
        Assert.DoesNotMatch(SchemaLookup(), "runFolder?.WriteText(\"preprocessing.json\", json);");
        Assert.DoesNotMatch(SchemaLookup(), "double lr = settings.Optimizer.LearningRate;");
    }
}
