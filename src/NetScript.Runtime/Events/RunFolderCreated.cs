namespace NetScript.Runtime.Events;

public sealed record RunFolderCreated(string Path) : RunEvent;
