namespace NetScript.Runtime.Search;

/// <summary>This process is worker <see cref="Name"/> of a search (a number for local workers,
/// task-I for Slurm array task I): it runs the script up to
/// the search (loading and splitting the data as the parent did), then only the trials
/// <see cref="Trials"/> with <see cref="Threads"/> libtorch threads, appending to its own
/// journal in <see cref="RunFolder"/>, and stops there (the parent runs what follows).</summary>
public sealed record SearchWorkerRole(string RunFolder, string Name, IReadOnlyList<int> Trials, int Threads);
