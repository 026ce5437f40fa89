using Microsoft.Extensions.Logging;

namespace EdgeAgent.Mqtt;

/// <summary>MQTT log messages; event ids 7000-7099 (connection 7000-7019, publish and subscribe 7020-7039, dispatch 7040-7059).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "MQTT connected to {Host}:{Port} as {ClientId}")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "MQTT connection refused by {Host}:{Port}: {Reason}; retrying in {Delay}")]
    public static partial void ConnectionRefused(ILogger logger, string host, int port, string reason, string delay);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "MQTT cannot connect to {Host}:{Port}: {Reason}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, string delay);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "MQTT connection to {Host}:{Port} lost: {Reason}; reconnecting in {Delay}")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason, string delay);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "MQTT disconnected from {Host}:{Port} (client {ClientId} stopping)")]
    public static partial void Disconnected(ILogger logger, string host, int port, string clientId);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Debug, Message = "libmosquitto: {Text}")]
    public static partial void Native(ILogger logger, string text);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "MQTT network loop failed unexpectedly; it carries on after a backoff")]
    public static partial void NetworkFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} refused a publish to {Topic}: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string host, int port, string topic, string reason);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} refused the subscription to {Filter}: {Reason}; it is dropped")]
    public static partial void SubscriptionRefused(ILogger logger, string host, int port, string filter, string reason);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Debug, Message = "MQTT subscribed again to {Count} filter(s) after connecting")]
    public static partial void Resubscribed(ILogger logger, int count);

    [LoggerMessage(EventId = 7023, Level = LogLevel.Warning, Message = "MQTT could not subscribe to {Filter}: {Reason}; it is tried again at the next connect")]
    public static partial void SubscribeFailed(ILogger logger, string filter, string reason);

    [LoggerMessage(EventId = 7024, Level = LogLevel.Warning, Message = "MQTT client disposed with {Count} QoS 1 publish(es) the broker had not acknowledged; their tasks fail")]
    public static partial void PublishesAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 7040, Level = LogLevel.Error, Message = "MQTT handler for {Filter} threw on a message on {Topic}; later messages are still delivered")]
    public static partial void HandlerFailed(ILogger logger, string filter, string topic, Exception exception);

    [LoggerMessage(EventId = 7041, Level = LogLevel.Error, Message = "MQTT {Event} event handler threw")]
    public static partial void EventHandlerFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(EventId = 7042, Level = LogLevel.Warning, Message = "MQTT dropped {Count} received message(s): more than {Capacity} were waiting for their handlers")]
    public static partial void MessagesDropped(ILogger logger, long count, int capacity);

    [LoggerMessage(EventId = 7043, Level = LogLevel.Information, Message = "MQTT client disposed with {Count} received message(s) not yet handled; they are dropped")]
    public static partial void MessagesDroppedAtDispose(ILogger logger, int count);

    [LoggerMessage(EventId = 7044, Level = LogLevel.Error, Message = "MQTT event dispatcher failed on {Event}")]
    public static partial void DispatchFailed(ILogger logger, string @event, Exception exception);
}
