namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor StatisticsNotWritten =
        Error("NS1001", "Statistics not written", "could not write the statistics of `{0}` to the run folder: {1}");

    public static readonly DiagnosticDescriptor PlotsNotWritten =
        Error("NS1002", "Plots not written", "could not draw the plots of `{0}`: {1}");

    public static readonly DiagnosticDescriptor NoStatistics =
        Error("NS1003", "No statistics", "{0} has no recorded statistics: {1}");
}
