using NetScript.Hosting.Interactive;
using NetScript.Repl;
using NetScript.Repl.Editing;
using NetScript.Repl.Syntax;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScript.Tests.Repl;

/// <summary>The real REPL screen on Terminal.Gui's ANSI driver with no terminal attached
/// (2.5.0 has no FakeDriver): keys go in through the input injector, the screen comes out
/// as text. Time does not pass by itself: tests call <see cref="Settle"/> where the UI timer
/// would tick.</summary>
public sealed class HeadlessRepl : IDisposable
{
    readonly IApplication _app;
    readonly Terminal.Gui.App.SessionToken? _token;

    public HeadlessRepl(int width = 80, int height = 24)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        Session = new ReplController(new SubmissionRunner(runsDirectory: null), new InputHistory(null), runsDirectory: null);
        _app = Application.Create();
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        View = new ReplView(Session, new LexicalClassifier());
        _token = _app.Begin(View);
        _app.LayoutAndDraw(true);
    }

    public ReplController Session { get; }

    public ReplView View { get; }

    public void Type(string text)
    {
        foreach (char c in text) _app.InjectKey(c == '\n' ? Key.Enter : new Key(c));
    }

    public void Press(Key key) => _app.InjectKey(key);

    /// <summary>Types <paramref name="data"/> and a small classifier `mlp` (8 ReLU units, 3
    /// classes), and waits until they are defined.</summary>
    public void DefineMlp(string data)
    {
        Type(data + "model mlp { dense 8 -> relu; dense 3 }\n");
        Settle();
    }

    /// <summary>Waits for the running submission (and any queued after it), then ticks the UI.</summary>
    public void Settle(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        do
        {
            Thread.Sleep(20);
            View.Tick();
        }
        while ((Session.Runner.IsBusy || Session.HasWork) && DateTime.UtcNow < deadline);
        View.Tick();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, ticking the UI meanwhile.</summary>
    public void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            Thread.Sleep(20);
            View.Tick();
        }
    }

    public string Screen()
    {
        _app.LayoutAndDraw(true);
        return _app.Driver!.ToString()!.TrimEnd('\n');
    }

    public string Output => Session.Output.ToString();

    public void Dispose()
    {
        if (_token is { } token) _app.End(token);
        View.Dispose();
        _app.Dispose();
        Session.Dispose();
    }
}
