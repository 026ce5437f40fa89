namespace EdgeAgent.Fleet.Outbox;

/// <summary>What the uplink has put on the wire since the publisher started, and today's budget.</summary>
/// <param name="MessagesPublished">Messages handed to the broker (a message sent again after a refusal counts again).</param>
/// <param name="MessagesAcknowledged">Messages the broker acknowledged (PUBACK).</param>
/// <param name="MessagesRefused">Messages the broker refused (a PUBACK reason of 0x80 or more) or that failed.</param>
/// <param name="WireBytes">MQTT PUBLISH packet bytes handed to the broker: fixed header, topic, packet id, properties, payload.</param>
/// <param name="PayloadBytes">The payload bytes within <paramref name="WireBytes"/>.</param>
/// <param name="PredictionsPublished">Predictions in the prediction messages handed to the broker.</param>
/// <param name="PredictionsAcknowledged">Predictions in the prediction messages the broker acknowledged.</param>
/// <param name="PredictionWireBytes">The PUBLISH bytes of the prediction messages.</param>
/// <param name="InFlight">Messages handed over and not yet answered.</param>
/// <param name="Day">The UTC day the budget counts.</param>
/// <param name="BytesToday">PUBLISH bytes handed over that day, every stream, this run and earlier runs.</param>
/// <param name="DailyByteBudget">The budget, or null when there is none.</param>
/// <param name="BudgetExhausted">Whether predictions wait for the next day.</param>
public sealed record UplinkStatistics(
    long MessagesPublished,
    long MessagesAcknowledged,
    long MessagesRefused,
    long WireBytes,
    long PayloadBytes,
    long PredictionsPublished,
    long PredictionsAcknowledged,
    long PredictionWireBytes,
    int InFlight,
    DateOnly Day,
    long BytesToday,
    long? DailyByteBudget,
    bool BudgetExhausted)
{
    /// <summary>PUBLISH bytes per prediction sent (prediction messages only); null before the first one.</summary>
    public double? WireBytesPerPrediction => PredictionsPublished == 0 ? null : (double)PredictionWireBytes / PredictionsPublished;
}
