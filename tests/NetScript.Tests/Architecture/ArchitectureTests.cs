using System.Xml.Linq;
using NetScript.Language;

namespace NetScript.Tests.Architecture;

/// <summary>Dependencies point one way: Syntax → Semantics → Runtime → Hosts (STYLE.md). Each
/// project may reference only the projects and packages listed here; a new project needs a
/// rule before it can land.</summary>
public sealed class ArchitectureTests
{
    static readonly Dictionary<string, (string[] Projects, string[] Packages)> Allowed = new()
    {
        ["NetScript.Language"] = ([], ["Pidgin"]),
        ["NetScript.Data"] = ([], ["TorchSharp-cpu", "Parquet.Net"]),
        ["NetScript.Scripting"] = (["NetScript.Language"], ["Microsoft.CodeAnalysis.CSharp.Scripting", "TorchSharp-cpu"]),
        // ScottPlot: the run folder's plots are drawn where the statistics and the trained model are.
        ["NetScript.Runtime"] = (["NetScript.Language", "NetScript.Data", "NetScript.Scripting"], ["TorchSharp-cpu", "ScottPlot"]),
        ["NetScript.Hosting"] = (["NetScript.Language", "NetScript.Data", "NetScript.Scripting", "NetScript.Runtime"], []),
        ["NetScript.Cli"] = (["NetScript.Hosting", "NetScript.Language", "NetScript.Repl"], []),
        ["NetScript.Repl"] = (["NetScript.Hosting", "NetScript.Language"], ["Terminal.Gui"]),
    };

    public static IEnumerable<object[]> Projects() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => new object[] { Path.GetFileNameWithoutExtension(p) });

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_only_what_its_layer_allows(string project)
    {
        string path = Path.Combine(RepoPaths.Root, "src", project, project + ".csproj");
        Assert.Empty(Violations(project, File.ReadAllText(path)));
    }

    [Fact]
    public void A_forbidden_reference_is_reported()
    {
        const string csproj = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Pidgin" />
                <PackageReference Include="TorchSharp-cpu" />
                <ProjectReference Include="..\NetScript.Runtime\NetScript.Runtime.csproj" />
              </ItemGroup>
            </Project>
            """;
        Assert.Equal(["package TorchSharp-cpu", "project NetScript.Runtime"], Violations("NetScript.Language", csproj));
        Assert.Equal(["no dependency rule for NetScript.Unknown"], Violations("NetScript.Unknown", csproj));
    }

    [Fact]
    public void The_language_assembly_loads_no_compute_io_or_ui_library()
    {
        string[] forbidden = ["TorchSharp", "Parquet", "Microsoft.CodeAnalysis", "Terminal.Gui"];
        var referenced = typeof(Compilation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    static List<string> Violations(string project, string csproj)
    {
        if (!Allowed.TryGetValue(project, out var allowed)) return [$"no dependency rule for {project}"];
        var document = XDocument.Parse(csproj);
        var packages = document.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!);
        var projects = document.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/')));
        return packages.Where(p => !allowed.Packages.Contains(p)).Select(p => "package " + p)
            .Concat(projects.Where(p => !allowed.Projects.Contains(p)).Select(p => "project " + p))
            .ToList();
    }
}
