using System.Diagnostics;
using System.Globalization;
using NetScript.Runtime.Execution;

using NetScript.Runtime.Recording;

namespace NetScript.Runtime.Search;

/// <summary>Runs trials in <c>parallel</c> worker processes on this machine (`netscript
/// search-worker`), trial k of the remaining ones on worker k mod N, each worker with an equal
/// share of the thread budget. Workers report through their journals; this side polls them and
/// reports each finished trial. A worker that dies leaves its unfinished trials failed with its
/// exit code and last error line; cancelling kills the workers, and what they finished stays in
/// their journals.</summary>
public sealed class LocalWorkersExecutor(RunFolder runFolder, int workers, int threads) : ITrialExecutor
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public void Run(IReadOnlyList<TrialSpec> trials, Action<TrialResult> finished, CancellationToken cancellation)
    {
        var pending = trials.ToDictionary(t => t.Id);
        int count = Math.Min(workers, trials.Count);
        int each = ThreadsEach(threads, workers, trials.Count);
        var processes = Enumerable.Range(0, count)
            .Select(i => Start(i, [.. trials.Where((_, k) => k % count == i).Select(t => t.Id)], each)).ToList();
        try
        {
            while (pending.Count > 0)
            {
                bool running = processes.Any(p => !p.Process.HasExited);
                foreach (var (id, result) in SearchJournal.ReadFinished(runFolder.Path).Where(r => pending.ContainsKey(r.Key)))
                {
                    pending.Remove(id);
                    finished(result);
                }
                if (!running) break;
                cancellation.WaitHandle.WaitOne(Poll);
                cancellation.ThrowIfCancellationRequested();
            }
            foreach (TrialSpec lost in pending.Values.OrderBy(t => t.Id))
            {
                var worker = processes[trials.ToList().FindIndex(t => t.Id == lost.Id) % count];
                finished(new TrialResult(lost, TrialState.Failed, double.NaN, double.NaN, 0)
                {
                    Message = $"worker {worker.Index} exited with code {worker.Process.ExitCode} before finishing it: {worker.LastError()}",
                });
            }
        }
        finally
        {
            foreach (var worker in processes)
            {
                if (!worker.Process.HasExited) worker.Process.Kill(entireProcessTree: true);
                worker.Dispose();
            }
        }
    }

    public Workspace? Take(int trial) => null;

    /// <summary>Each worker's share of the thread budget (at least one).</summary>
    public static int ThreadsEach(int threads, int workers, int trials) => Math.Max(1, threads / Math.Max(1, Math.Min(workers, trials)));

    public void Dispose()
    {
    }

    Worker Start(int index, IReadOnlyList<int> ids, int threadsEach)
    {
        string cli = WorkerCommand.Cli;
        var start = new ProcessStartInfo(WorkerCommand.Host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { cli, "search-worker", runFolder.Path, "--name", index.ToString(CultureInfo.InvariantCulture),
            "--trials", string.Join(',', ids), "--threads", threadsEach.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        string folder = Path.Combine(runFolder.Path, SearchJournal.Folder);
        Directory.CreateDirectory(folder);
        var log = new StreamWriter(Path.Combine(folder, $"worker-{index}.log"), append: true) { AutoFlush = true };
        return new Worker(index, Process.Start(start)!, log);
    }

    /// <summary>A worker process and its log (stdout and stderr, RUN/trials/worker-I.log).</summary>
    sealed class Worker : IDisposable
    {
        readonly StreamWriter _log;
        string _lastError = "";

        public Worker(int index, Process process, StreamWriter log)
        {
            Index = index;
            Process = process;
            _log = log;
            process.OutputDataReceived += (_, e) => Write(e.Data, error: false);
            process.ErrorDataReceived += (_, e) => Write(e.Data, error: true);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Index { get; }

        public Process Process { get; }

        public string LastError()
        {
            Process.WaitForExit(); // drains the output handlers
            lock (_log) return _lastError.Length > 0 ? _lastError : "no error message";
        }

        void Write(string? line, bool error)
        {
            if (line is null) return;
            lock (_log)
            {
                _log.WriteLine(line);
                if (error && line.Trim().Length > 0) _lastError = line.Trim();
            }
        }

        public void Dispose()
        {
            Process.Dispose();
            lock (_log) _log.Dispose();
        }
    }
}
