using NetScript.Tests.Scripting;

namespace NetScript.Tests;

/// <summary>The test assembly's entry point (the test SDK's generated one is turned off):
/// `dotnet NetScript.Tests.dll child SCENARIO …` runs a scenario for <see cref="ChildProcess"/>.
/// `dotnet test` never calls it.</summary>
public static class Program
{
    public const string ChildCommand = "child";

    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == ChildCommand) return ChildScenarios.Run(args[1], args[2..]);
        Console.Error.WriteLine($"NetScript.Tests runs under `dotnet test`; `{ChildCommand} SCENARIO` runs a child scenario ({string.Join(", ", ChildScenarios.Names)}).");
        return 2;
    }
}
