namespace EdgeAgent.Storage;

/// <summary>What opening does with a file that is not a database or is damaged.</summary>
public enum CorruptDatabasePolicy
{
    /// <summary>Throw <see cref="StoreCorruptException"/> naming the path; the file is left as it is.</summary>
    Throw,

    /// <summary>Rename the file (and its log) to <c>&lt;path&gt;.corrupt-&lt;timestamp&gt;</c>, log it, and start an empty store.</summary>
    MoveAsideAndRecreate,
}
