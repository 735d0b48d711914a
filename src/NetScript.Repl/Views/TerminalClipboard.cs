using System.Text;
using Terminal.Gui.App;

namespace NetScript.Repl.Views;

/// <summary>Puts copied output on the clipboard two ways: Terminal.Gui's clipboard (xclip on
/// Linux, often absent on servers) and the terminal's own, through the OSC 52 escape most
/// terminals and tmux honour — the one that reaches the user's desktop over ssh.</summary>
public static class TerminalClipboard
{
    /// <summary>True when at least one way was available.</summary>
    public static bool Copy(IApplication? app, string text)
    {
        bool copied = app?.Clipboard is { IsSupported: true } clipboard && clipboard.TrySetClipboardData(text);
        if (Console.IsOutputRedirected) return copied;
        // OSC 52: ESC ] 52 ; c ; base64 BEL (c: the clipboard selection).
        Console.Out.Write("\u001b]52;c;" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\u0007");
        Console.Out.Flush();
        return true;
    }
}
