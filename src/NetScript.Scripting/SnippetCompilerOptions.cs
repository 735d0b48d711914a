namespace NetScript.Scripting;

/// <summary>How snippets are compiled.</summary>
/// <param name="CacheDirectory">Where compiled snippets are kept between runs; null keeps them
/// in memory only.</param>
public sealed record SnippetCompilerOptions(string? CacheDirectory)
{
    /// <summary>The per-user cache: <c>$XDG_CACHE_HOME/netscript/snippets</c>, else
    /// <c>~/.cache/netscript/snippets</c> (on Windows, the local application data folder).</summary>
    public static SnippetCompilerOptions Default { get; } = new(DefaultCacheDirectory());

    static string? DefaultCacheDirectory()
    {
        string? root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            string home = Environment.GetFolderPath(OperatingSystem.IsWindows()
                ? Environment.SpecialFolder.LocalApplicationData
                : Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home)) return null;
            root = OperatingSystem.IsWindows() ? home : Path.Combine(home, ".cache");
        }
        return Path.Combine(root, "netscript", "snippets");
    }
}
