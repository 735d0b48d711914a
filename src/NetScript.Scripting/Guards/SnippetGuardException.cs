namespace NetScript.Scripting.Guards;

/// <summary>Raised by a guard in place of an error that would abort the process.</summary>
internal sealed class SnippetGuardException(string message) : Exception(message);
