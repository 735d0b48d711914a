namespace NetScript.Tests;

/// <summary>A theory that runs on demand only (<c>NETSCRIPT_STRESS=1 dotnet test --filter …</c>):
/// a stress test whose power depends on how the machine schedules threads, so in the ordinary
/// suite it could pass or fail with the machine's load. Each has a deterministic counterpart
/// that runs always.</summary>
public sealed class StressTheoryAttribute : TheoryAttribute
{
    public StressTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("NETSCRIPT_STRESS") != "1") Skip = "stress test: runs with NETSCRIPT_STRESS=1";
    }
}
