using static EdgeAgent.Fleet.OptionsText;

namespace EdgeAgent.Fleet.Outbox;

// The daily byte budget: bytes handed over per UTC day, kept in the store with each pass's progress.
public sealed partial class OutboxPublisher
{
    private DailyUsage _usage;
    private bool _usageLoaded;
    private bool _usageDirty;
    private bool _budgetNoted;
    private long _dayMessages;
    private long _dayPredictions;
    private long _dayPredictionBytes;

    /// <summary>Whether today's bytes reached the budget: predictions wait.</summary>
    private bool BudgetExhausted => _options.DailyByteBudget is { } budget && _usage.Bytes >= budget;

    private void EnsureUsage(DateTimeOffset now)
    {
        if (_usageLoaded)
        {
            return;
        }

        DailyUsage stored = DailyUsage.Parse(_store.GetModelState(UsageKey)?.Value, DailyUsage.DayOf(now));
        lock (_statisticsGate)
        {
            _usage = stored;
        }

        _usageLoaded = true;
    }

    /// <summary>At the first pass of a new UTC day: logs the day that ended and starts counting again.</summary>
    private void RollDay(DateTimeOffset now)
    {
        DateOnly today = DailyUsage.DayOf(now);
        if (_usage.Day == today)
        {
            return;
        }

        string perPrediction = _dayPredictions == 0 ? "-" : Invariant($"{(double)_dayPredictionBytes / _dayPredictions:0.0}");
        Log.DayEnded(_logger, Day(_usage.Day), _usage.Bytes, Budget(), _dayMessages, _dayPredictions, perPrediction);
        lock (_statisticsGate)
        {
            _usage = new DailyUsage(today, 0);
        }

        _usageDirty = true;
        _budgetNoted = false;
        (_dayMessages, _dayPredictions, _dayPredictionBytes) = (0, 0, 0);
    }

    /// <summary>Logs, once a day, that predictions now wait for the next day.</summary>
    private void NoteBudgetReached()
    {
        if (_budgetNoted)
        {
            return;
        }

        _budgetNoted = true;
        Log.BudgetReached(_logger, Day(_usage.Day), _usage.Bytes, _options.DailyByteBudget!.Value, Duration(_usage.End - _time.GetUtcNow()));
    }

    private void CountToday(InFlightMessage message)
    {
        _usage = _usage with { Bytes = _usage.Bytes + message.WireBytes };
        _usageDirty = true;
        _dayMessages++;
        if (message.Predictions > 0)
        {
            _dayPredictions += message.Predictions;
            _dayPredictionBytes += message.WireBytes;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Budget() => _options.DailyByteBudget is { } budget ? Invariant($"{budget} bytes") : "none";
}
