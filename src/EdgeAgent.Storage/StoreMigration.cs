namespace EdgeAgent.Storage;

/// <summary>One schema step: the SQL that takes the store from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The <c>PRAGMA user_version</c> the step leaves behind.</param>
/// <param name="Description">What the step does, for the log.</param>
/// <param name="Sql">The statements, run in one transaction together with the version bump.</param>
internal sealed record StoreMigration(int Version, string Description, string Sql);
