namespace EdgeAgent.Fleet.Outbox;

// Counters for the bytes on the wire; written by the loop, read by anyone.
public sealed partial class OutboxPublisher
{
    private readonly Lock _statisticsGate = new();
    private long _published;
    private long _acknowledged;
    private long _refused;
    private long _wireBytes;
    private long _payloadBytes;
    private long _predictionsPublished;
    private long _predictionsAcknowledged;
    private long _predictionWireBytes;

    /// <summary>What went on the wire since start, and today's budget.</summary>
    public UplinkStatistics Statistics()
    {
        lock (_statisticsGate)
        {
            return new UplinkStatistics(
                _published,
                _acknowledged,
                _refused,
                _wireBytes,
                _payloadBytes,
                _predictionsPublished,
                _predictionsAcknowledged,
                _predictionWireBytes,
                _inFlight,
                _usage.Day,
                _usage.Bytes,
                _options.DailyByteBudget,
                BudgetExhausted);
        }
    }

    private void CountHandOver(InFlightMessage message)
    {
        lock (_statisticsGate)
        {
            CountToday(message);
            _published++;
            _wireBytes += message.WireBytes;
            _payloadBytes += message.Row.Payload.Length;
            if (message.Predictions > 0)
            {
                _predictionsPublished += message.Predictions;
                _predictionWireBytes += message.WireBytes;
            }
        }
    }

    private void CountAcknowledged(InFlightMessage message)
    {
        lock (_statisticsGate)
        {
            _acknowledged++;
            _predictionsAcknowledged += message.Predictions;
        }
    }

    private void CountRefused()
    {
        lock (_statisticsGate)
        {
            _refused++;
        }
    }
}
