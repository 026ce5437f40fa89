using EdgeAgent.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Alerting.Board;

/// <summary>
/// The open alerts and their lifecycle (raised, acknowledged, cleared), written through to the <see cref="EdgeStore"/>.
/// At most one alert per rule is open: a rule whose alert is raised or acknowledged does not raise again until it has
/// cleared. At start the board restores the open alerts from the store, so a restarted agent neither forgets nor repeats them.
/// </summary>
/// <remarks>
/// <para>
/// A store that refuses a write (full, damaged, closed) never makes a call here throw: the change is applied in memory,
/// logged, and written at the next change or every <see cref="RetryInterval"/>, in the order it happened. An alert the store
/// has not taken yet has a negative id; <see cref="Acknowledge"/> accepts it before and after it is written.
/// </para>
/// <para>
/// Thread-safe: changes are serialised, and <see cref="Changed"/> is raised for each in order, on the thread that made it,
/// before the call returns. Handlers must be quick and must not block on other threads that change the board.
/// </para>
/// </remarks>
public sealed class AlertBoard : IDisposable
{
    /// <summary>How often writes the store refused are tried again, besides at every change.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _write = new();
    private readonly EdgeStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<AlertEntry> _open = [];
    private readonly List<AlertEntry> _pending = [];
    private readonly Dictionary<long, long> _storeIdOfTemporary = [];
    private long _nextTemporaryId = -1;
    private ITimer? _retry;
    private volatile Alert[] _snapshot = [];
    private volatile int _pendingCount;
    private volatile bool _storeHealthy = true;
    private bool _disposed;

    /// <summary>Creates the board and restores the open alerts from <paramref name="store"/>.</summary>
    public AlertBoard(EdgeStore store, TimeProvider time, ILogger<AlertBoard> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _time = time;
        _logger = logger;
        Restore();
    }

    /// <summary>
    /// Raised after every change, in order, while the board is locked against other changes; reading <see cref="Open"/>
    /// from a handler is fine. A handler that throws is logged and does not stop the others.
    /// </summary>
    public event Action<AlertChange>? Changed;

    /// <summary>The open (raised or acknowledged) alerts, oldest first: a snapshot that later changes do not alter.</summary>
    public IReadOnlyList<Alert> Open => _snapshot;

    /// <summary>How many alerts have changes the store has not taken yet; 0 when everything is written.</summary>
    public int PendingWrites => _pendingCount;

    /// <summary>False from a refused store write until every pending change has been written.</summary>
    public bool StoreHealthy => _storeHealthy;

    /// <summary>The open alert of <paramref name="rule"/>, or null.</summary>
    public Alert? GetOpen(string rule)
    {
        foreach (Alert alert in _snapshot)
        {
            if (string.Equals(alert.Rule, rule, StringComparison.Ordinal))
            {
                return alert;
            }
        }

        return null;
    }

    /// <summary>
    /// Raises a new alert for <paramref name="rule"/> now, unless the rule already has an open alert.
    /// Returns the new alert, or null when the rule's alert is still open (nothing changes).
    /// </summary>
    public Alert? Raise(string rule, AlertSeverity severity, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(text);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (FindOpen(rule) is not null)
            {
                return null;
            }

            long temporaryId = _nextTemporaryId--;
            var entry = new AlertEntry(new Alert(temporaryId, rule, severity, AlertState.Raised, text, _time.GetUtcNow(), null, null))
            {
                TemporaryId = temporaryId,
                InsertPending = true,
            };
            _open.Add(entry);
            _pending.Add(entry);
            WritePending();
            Publish();
            Log.AlertRaised(_logger, severity, text, rule, entry.Alert.Id);
            Dispatch(new AlertChange(AlertChangeKind.Raised, entry.Alert));
            return entry.Alert;
        }
    }

    /// <summary>Records that <paramref name="actor"/> has seen the alert <paramref name="id"/> (its store id, or the negative id it had before).</summary>
    public AcknowledgeResult Acknowledge(long id, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_storeIdOfTemporary.TryGetValue(id, out long storeId))
            {
                id = storeId;
            }

            AlertEntry? entry = _open.Find(e => e.Alert.Id == id);
            if (entry is null)
            {
                AcknowledgeResult? known = LookUpClosed(id, out entry);
                if (known is { } result)
                {
                    return result;
                }
            }

            if (entry!.Alert.State == AlertState.Acknowledged)
            {
                return AcknowledgeResult.AlreadyAcknowledged;
            }

            entry.Alert = entry.Alert with { State = AlertState.Acknowledged, AcknowledgedAt = _time.GetUtcNow() };
            entry.AcknowledgePending = true;
            AddPending(entry);
            WritePending();
            Publish();
            Log.AlertAcknowledged(_logger, entry.Alert.Id, entry.Alert.Severity, entry.Alert.Rule, actor);
            Dispatch(new AlertChange(AlertChangeKind.Acknowledged, entry.Alert, actor));
            return AcknowledgeResult.Acknowledged;
        }
    }

    /// <summary>
    /// Clears the open alert of <paramref name="rule"/> now (every one, should the store have held several).
    /// Returns false when the rule has no open alert. <paramref name="reason"/> goes to the log.
    /// </summary>
    public bool Clear(string rule, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            List<AlertEntry> cleared = _open.FindAll(e => string.Equals(e.Alert.Rule, rule, StringComparison.Ordinal));
            if (cleared.Count == 0)
            {
                return false;
            }

            DateTimeOffset now = _time.GetUtcNow();
            foreach (AlertEntry entry in cleared)
            {
                entry.Alert = entry.Alert with { State = AlertState.Cleared, ClearedAt = now };
                entry.ClearPending = true;
                _open.Remove(entry);
                AddPending(entry);
            }

            WritePending();
            Publish();
            foreach (AlertEntry entry in cleared)
            {
                Log.AlertCleared(_logger, entry.Alert.Id, entry.Alert.Severity, rule, reason ?? "condition gone");
                Dispatch(new AlertChange(AlertChangeKind.Cleared, entry.Alert));
            }

            return true;
        }
    }

    /// <summary>Tries now to write the changes the store refused before. True when nothing is left pending.</summary>
    public bool RetryPendingWrites()
    {
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool done = WritePending();
            Publish();
            return done;
        }
    }

    /// <summary>Tries a last time to write pending changes, logs any that are lost, and stops retrying.</summary>
    public void Dispose()
    {
        lock (_write)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!WritePending())
            {
                Log.PendingLostAtStop(_logger, _pending.Count, _store.Path);
            }

            _retry?.Dispose();
            _retry = null;
        }
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is StoreException or SqliteException or ObjectDisposedException or IOException or UnauthorizedAccessException;

    private void Restore()
    {
        try
        {
            foreach (Alert alert in _store.GetOpenAlerts())
            {
                _open.Add(new AlertEntry(alert));
            }
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            Log.RestoreFailed(_logger, _store.Path, ex);
        }

        Publish();
        if (_open.Count > 0)
        {
            Log.AlertsRestored(_logger, _open.Count, string.Join(", ", _open.Select(e => e.Alert.Rule).Distinct(StringComparer.Ordinal)));
        }
    }

    private AlertEntry? FindOpen(string rule) => _open.Find(e => string.Equals(e.Alert.Rule, rule, StringComparison.Ordinal));

    /// <summary>
    /// For an id that is not open: the answer when it is cleared or unknown, or null with <paramref name="adopted"/> set
    /// when the store holds it open although the board did not (its open alerts could not be read at start).
    /// </summary>
    private AcknowledgeResult? LookUpClosed(long id, out AlertEntry? adopted)
    {
        adopted = null;
        if (_pending.Exists(e => e.Alert.Id == id))
        {
            return AcknowledgeResult.AlreadyCleared;
        }

        if (id <= 0)
        {
            return AcknowledgeResult.NotFound;
        }

        Alert? stored;
        try
        {
            stored = _store.GetAlert(id);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            Log.RestoreFailed(_logger, _store.Path, ex);
            return AcknowledgeResult.NotFound;
        }

        switch (stored?.State)
        {
            case null:
                return AcknowledgeResult.NotFound;
            case AlertState.Cleared:
                return AcknowledgeResult.AlreadyCleared;
            case AlertState.Acknowledged:
                return AcknowledgeResult.AlreadyAcknowledged;
            default:
                adopted = new AlertEntry(stored);
                _open.Add(adopted);
                return null;
        }
    }

    private void AddPending(AlertEntry entry)
    {
        if (!_pending.Contains(entry))
        {
            _pending.Add(entry);
        }
    }

    /// <summary>Writes the pending changes in the order they happened; stops at the first refusal. True when none is left.</summary>
    private bool WritePending()
    {
        while (_pending.Count > 0)
        {
            AlertEntry entry = _pending[0];
            try
            {
                WriteEntry(entry);
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                if (_storeHealthy)
                {
                    _storeHealthy = false;
                    Log.StoreWriteFailed(_logger, _store.Path, _pending.Count, RetryInterval.TotalSeconds, ex);
                }

                if (!_disposed)
                {
                    _retry ??= _time.CreateTimer(static board => ((AlertBoard)board!).OnRetryTimer(), this, RetryInterval, RetryInterval);
                }

                return false;
            }

            _pending.RemoveAt(0);
            if (entry.Alert.State == AlertState.Cleared && entry.TemporaryId is { } temporary)
            {
                _storeIdOfTemporary.Remove(temporary);
            }
        }

        if (!_storeHealthy)
        {
            _storeHealthy = true;
            Log.StoreRecovered(_logger, _store.Path);
        }

        _retry?.Dispose();
        _retry = null;
        return true;
    }

    /// <summary>Writes one alert's pending changes; each step that succeeds is recorded, so a refusal part way loses nothing.</summary>
    private void WriteEntry(AlertEntry entry)
    {
        if (entry.InsertPending)
        {
            Alert alert = entry.Alert;
            long id = _store.RaiseAlert(alert.Rule, alert.Severity, alert.Text);
            entry.Alert = alert with { Id = id };
            entry.InsertPending = false;
            if (entry.TemporaryId is { } temporary)
            {
                _storeIdOfTemporary[temporary] = id;
            }
        }

        if (entry.AcknowledgePending)
        {
            _store.AcknowledgeAlert(entry.Alert.Id);
            entry.AcknowledgePending = false;
        }

        if (entry.ClearPending)
        {
            _store.ClearAlert(entry.Alert.Id);
            entry.ClearPending = false;
        }
    }

    private void OnRetryTimer()
    {
        try
        {
            lock (_write)
            {
                if (!_disposed)
                {
                    WritePending();
                    Publish();
                }
            }
        }
#pragma warning disable CA1031 // A timer callback is a boundary: an exception here would end the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RetryFailed(_logger, ex);
        }
    }

    private void Publish()
    {
        var snapshot = new Alert[_open.Count];
        for (int i = 0; i < snapshot.Length; i++)
        {
            snapshot[i] = _open[i].Alert;
        }

        _snapshot = snapshot;
        _pendingCount = _pending.Count;
    }

    private void Dispatch(AlertChange change)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (Delegate handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<AlertChange>)handler)(change);
            }
#pragma warning disable CA1031 // A subscriber (a lamp, the page) must never break the decisions that raised the change.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ChangeHandlerFailed(_logger, change.Kind, change.Alert.Rule, ex);
            }
        }
    }
}
