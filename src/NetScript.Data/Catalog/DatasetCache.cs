namespace NetScript.Data;

/// <summary>Where converted datasets are kept between runs: $NETSCRIPT_CACHE_DIR, else
/// $XDG_CACHE_HOME/netscript, else ~/.cache/netscript (the XDG base-directory convention).
/// Files there are written atomically and can be deleted at any time.</summary>
public static class DatasetCache
{
    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("NETSCRIPT_CACHE_DIR") is { Length: > 0 } own) return own;
            if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "netscript");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "netscript");
        }
    }
}
