using System.Runtime.InteropServices;
using NetScript.Scripting.Guards;

namespace NetScript.Scripting.Building;

/// <summary>Turns an exception from user code into the words of an error message: libtorch's
/// first line (its C++ backtrace is noise to users), a guard's own message, or the .NET exception
/// type and message — never a stack trace.</summary>
internal static class SnippetFailures
{
    public static string Describe(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        return exception switch
        {
            SnippetGuardException guard => guard.Message,
            ExternalException external => "libtorch: " + FirstLine(external.Message),
            _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
        };
    }

    /// <summary>From <paramref name="start"/> to the end of its line in <paramref name="code"/>,
    /// without trailing blanks: the failing statement as far as one line shows it.</summary>
    public static (int Start, int Length) LineFrom(string code, int start)
    {
        int end = start;
        while (end < code.Length && code[end] is not ('\n' or '\r')) end++;
        while (end > start && char.IsWhiteSpace(code[end - 1])) end--;
        return (start, end - start);
    }

    static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].Trim();
        return line.Length == 0 ? message.Trim() : line;
    }
}
