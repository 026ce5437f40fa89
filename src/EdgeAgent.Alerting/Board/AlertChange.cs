using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Board;

/// <summary>One change on the <see cref="AlertBoard"/>, as sent to <see cref="AlertBoard.Changed"/>.</summary>
/// <param name="Kind">Raised, acknowledged or cleared.</param>
/// <param name="Alert">The alert after the change. Its id is negative while the store cannot be written.</param>
/// <param name="Actor">Who acknowledged it, for <see cref="AlertChangeKind.Acknowledged"/>; otherwise null.</param>
public sealed record AlertChange(AlertChangeKind Kind, Alert Alert, string? Actor = null);
