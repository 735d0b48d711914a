using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>RUN/trials/journal-W.jsonl: one append-only file per writer W (the search's own
/// process is `main`, worker processes and Slurm tasks are numbered; a shared file
/// system needs no locks or database when each writer owns its file). A line says a trial
/// started, or holds a finished trial's result; each line is flushed to disk (fsync) before
/// the next trial, so a killed worker loses at most the trial it was running. Reading every
/// journal tells a resumed search which trials finished (skip) and which only started (run
/// again).</summary>
public sealed class SearchJournal : IDisposable
{
    public const string Folder = "trials";

    static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    readonly FileStream _stream;

    public SearchJournal(string runFolder, string writer)
    {
        string folder = Path.Combine(runFolder, Folder);
        Directory.CreateDirectory(folder);
        _stream = new FileStream(Path.Combine(folder, $"journal-{writer}.jsonl"), FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public void Started(TrialSpec trial) => Append(new JournalLine("started", trial.Id, Seed: trial.Seed));

    public void Finished(TrialResult result) => Append(new JournalLine("finished", result.Id)
    {
        Seed = result.Trial.Seed,
        Round = result.Trial.Round,
        Values = result.Trial.Values.ToDictionary(kv => kv.Key, kv => TrialValues.Encode(kv.Value)),
        State = result.State.ToString().ToLowerInvariant(),
        Score = result.Score,
        ScoreStd = result.ScoreStd,
        Folds = [.. result.FoldScores],
        Epochs = [.. result.Epochs.Select(e => new[] { e.Fold, e.Epoch, e.Value })],
        Seconds = result.WallSeconds,
        TrainingSeconds = result.TrainingSeconds,
        Message = result.Message,
        Models = result.Models.ToDictionary(),
    });

    void Append(JournalLine line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, Json) + "\n");
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Finished trials of every journal in the run folder, by trial number (a trial
    /// finished twice — re-run after its worker died mid-write — counts once).</summary>
    public static IReadOnlyDictionary<int, TrialResult> ReadFinished(string runFolder)
    {
        var finished = new SortedDictionary<int, TrialResult>();
        string folder = Path.Combine(runFolder, Folder);
        if (!Directory.Exists(folder)) return finished;
        foreach (string file in Directory.EnumerateFiles(folder, "journal-*.jsonl").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            while (reader.ReadLine() is { } text)
            {
                JournalLine? line;
                try
                {
                    line = JsonSerializer.Deserialize<JournalLine>(text, Json);
                }
                catch (JsonException)
                {
                    continue; // the last line of a worker killed mid-write
                }
                if (line is { Event: "finished" } && !finished.ContainsKey(line.Trial)) finished[line.Trial] = line.ToResult();
            }
        }
        return finished;
    }

    /// <summary>Appends trials to RUN/trials/planned.jsonl, where worker processes read the
    /// values and seeds of the trials they are given (proposals may depend on earlier results,
    /// which only the parent has).</summary>
    public static void AppendPlanned(string runFolder, IEnumerable<TrialSpec> trials)
    {
        string folder = Path.Combine(runFolder, Folder);
        Directory.CreateDirectory(folder);
        using var stream = new FileStream(Path.Combine(folder, "planned.jsonl"), FileMode.Append, FileAccess.Write, FileShare.Read);
        foreach (TrialSpec trial in trials)
        {
            var line = new JournalLine("planned", trial.Id, trial.Seed)
            {
                Round = trial.Round,
                Values = trial.Values.ToDictionary(kv => kv.Key, kv => TrialValues.Encode(kv.Value)),
            };
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, Json) + "\n"));
        }
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The trials of RUN/trials/planned.jsonl by number (the last line of a number wins).</summary>
    public static Dictionary<int, TrialSpec> ReadPlanned(string runFolder)
    {
        var planned = new Dictionary<int, TrialSpec>();
        foreach (string text in File.ReadLines(Path.Combine(runFolder, Folder, "planned.jsonl")))
            if (JsonSerializer.Deserialize<JournalLine>(text, Json) is { } line) planned[line.Trial] = line.ToResult().Trial;
        return planned;
    }

    public void Dispose() => _stream.Dispose();

    sealed record JournalLine(string Event, int Trial, long Seed = 0)
    {
        public int Round { get; init; } = 1;
        public Dictionary<string, string>? Values { get; init; }
        public string? State { get; init; }
        public double Score { get; init; }
        public double ScoreStd { get; init; }
        public double[]? Folds { get; init; }
        public double[][]? Epochs { get; init; }
        public double Seconds { get; init; }
        public double TrainingSeconds { get; init; }
        public string? Message { get; init; }
        public Dictionary<string, string>? Models { get; init; }

        public TrialResult ToResult()
        {
            var values = (Values ?? []).ToDictionary(kv => kv.Key, kv => TrialValues.Decode(kv.Value), StringComparer.Ordinal);
            var state = Enum.Parse<TrialState>(State ?? "failed", ignoreCase: true);
            return new TrialResult(new TrialSpec(Trial, values, Seed, Round), state, Score, ScoreStd, Seconds)
            {
                Message = Message,
                FoldScores = Folds ?? [],
                Epochs = (Epochs ?? []).Select(e => new TrialEpoch((int)e[0], (int)e[1], e[2])).ToList(),
                TrainingSeconds = TrainingSeconds,
                Models = Models ?? [],
            };
        }
    }
}
