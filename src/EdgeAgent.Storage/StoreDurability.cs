namespace EdgeAgent.Storage;

/// <summary>The <c>PRAGMA synchronous</c> level used with the WAL journal.</summary>
public enum StoreDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c>: a commit survives a crash or kill of the process (the log is in the OS cache),
    /// but the last commits may be lost on power loss. Fastest.
    /// </summary>
    Normal,

    /// <summary><c>synchronous=FULL</c>: each commit is synced to disk before it returns, so it also survives power loss.</summary>
    Full,
}
