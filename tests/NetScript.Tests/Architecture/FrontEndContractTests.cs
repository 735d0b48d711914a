using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetScript.Cli;
using NetScript.Repl;

namespace NetScript.Tests.Architecture;

/// <summary>The front ends talk to Hosting (and to Language, for syntax colouring and
/// diagnostics) and to nothing else of NetScript. Project references cannot say that —
/// Hosting references the runtime, so its namespaces are reachable — so this reads every
/// type each front-end assembly refers to from its metadata (a `var` or a fully qualified
/// name counts as much as a `using`).</summary>
public sealed class FrontEndContractTests
{
    /// <summary>NetScript namespaces a front end may use. `NetScript.Runtime.Events` is the
    /// one runtime namespace in the contract: the run events are plain records the runtime
    /// raises and Hosting passes through unchanged (no tensors, no behaviour).</summary>
    static readonly string[] Contract = ["NetScript.Hosting", "NetScript.Language", "NetScript.Runtime.Events"];

    public static IEnumerable<object[]> FrontEnds() =>
    [
        [typeof(ReplApp).Assembly.Location, new[] { "NetScript.Repl" }],
        [typeof(CliApp).Assembly.Location, new[] { "NetScript.Cli", "NetScript.Repl" }],
    ];

    [Theory]
    [MemberData(nameof(FrontEnds))]
    public void A_front_end_uses_only_the_hosting_contract(string assembly, string[] own) =>
        Assert.Empty(Violations(NetScriptNamespaces(assembly), [.. Contract, .. own]));

    [Fact]
    public void A_reach_past_hosting_is_reported()
    {
        string[] used = ["NetScript.Hosting.Interactive", "NetScript.Runtime.Statistics.Reporting", "NetScript.Data", "NetScript.Language.Syntax", "NetScript.Hostingx"];
        Assert.Equal(["NetScript.Data", "NetScript.Hostingx", "NetScript.Runtime.Statistics.Reporting"], Violations(used, Contract));
    }

    [Fact]
    public void The_reader_sees_the_namespaces_an_assembly_uses()
    {
        var used = NetScriptNamespaces(typeof(ReplApp).Assembly.Location);
        Assert.Contains("NetScript.Hosting.Interactive", used);
        Assert.Contains("NetScript.Language.Semantics", used);
    }

    static List<string> Violations(IEnumerable<string> used, string[] allowed) =>
        used.Where(n => !allowed.Any(a => n == a || n.StartsWith(a + ".", StringComparison.Ordinal)))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The NetScript namespaces of every type the assembly refers to (type references,
    /// including nested types' outer namespaces).</summary>
    static List<string> NetScriptNamespaces(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeReferenceHandle handle in metadata.TypeReferences)
        {
            TypeReference type = metadata.GetTypeReference(handle);
            while (type.Namespace.IsNil && type.ResolutionScope.Kind == HandleKind.TypeReference)
                type = metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            string ns = metadata.GetString(type.Namespace);
            if (ns.StartsWith("NetScript", StringComparison.Ordinal)) namespaces.Add(ns);
        }
        return namespaces.Order(StringComparer.Ordinal).ToList();
    }
}
