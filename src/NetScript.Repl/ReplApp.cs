using System.Diagnostics;
using NetScript.Hosting.Interactive;
using NetScript.Repl.Editing;
using NetScript.Repl.Syntax;
using Terminal.Gui.App;

namespace NetScript.Repl;

/// <summary>`netscript repl`: builds the session and the screen and runs the UI loop until
/// `:quit`. libtorch and the front end warm up on a background thread once the prompt is
/// drawn.</summary>
public static class ReplApp
{
    /// <summary>How often the screen pulls new statistics: fast enough to look live, rare
    /// enough that drawing never competes with training for the CPU.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    public static int Run(ReplOptions options)
    {
        string stateDirectory = Path.GetDirectoryName(InputHistory.DefaultPath())!;
        using StderrCapture? stderr = StderrCapture.Start(Path.Combine(stateDirectory, "repl-stderr.log"));
        var runner = new SubmissionRunner(options.RunsDirectory);
        using var session = new ReplController(runner, new InputHistory(options.HistoryPath), options.RunsDirectory);

        using (IApplication app = Application.Create())
        {
            app.Init();
            var view = new ReplView(session, new LexicalClassifier());
            bool announced = false;
            app.LayoutAndDrawComplete += (_, _) =>
            {
                if (announced) return;
                announced = true;
                // libtorch loads and the front end JIT-compiles after the first frame, not
                // before it: on two cores they would compete with drawing the prompt.
                runner.WarmUp();
                var startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
                session.Output.Add($"NetScript REPL — ready in {startup.TotalMilliseconds:0} ms. `:help` lists statements and commands; "
                    + "Tab completes; F5/F6 pause/stop training.", OutputKind.Dim);
                if (options.LoadFirst is { } script) session.Submit(":load " + script);
            };
            app.AddTimeout(RefreshInterval, () =>
            {
                if (stderr?.ReadNew() is { Length: > 0 } native)
                    session.Output.Add("libtorch: " + native.TrimEnd(), OutputKind.Warning);
                view.Tick();
                return true;
            });
            session.Finished += () => app.Invoke(view.Tick);
            // The view boundary: an exception from a key, a redraw or a timer is shown as NS0999
            // in the output pane and the loop resumes; definitions and trainings are kept.
            app.Run(view, e =>
            {
                session.ReportScreenFailure(e);
                return true;
            });
            view.Dispose();
        }
        return 0;
    }
}
