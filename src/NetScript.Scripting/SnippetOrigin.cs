namespace NetScript.Scripting;

/// <summary>Where a compiled snippet came from: the C# compiler in this process, or the disk
/// cache (a previous run or process compiled the same code with the same package versions).</summary>
public enum SnippetOrigin
{
    Compiled,
    DiskCache,
}
