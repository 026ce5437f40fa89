using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>Writes an alert as it stands now (see WIRE-FORMAT.md); each change of state sends the whole alert again.</summary>
public static class AlertPayloadWriter
{
    /// <summary>The JSON of message <paramref name="sequence"/> (id <paramref name="messageId"/>) for <paramref name="alert"/>.</summary>
    public static byte[] Write(string messageId, long sequence, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(alert);
        return PayloadJson.Write(messageId, sequence, 256 + (alert.Text.Length * 2), json =>
        {
            json.WriteNumber("alert", alert.Id);
            json.WriteString("rule", alert.Rule);
            json.WriteString("severity", Name(alert.Severity));
            json.WriteString("state", Name(alert.State));
            json.WriteString("text", alert.Text);
            json.WriteNumber("raised", alert.RaisedAt.ToUnixTimeMilliseconds());
            if (alert.AcknowledgedAt is { } acknowledged)
            {
                json.WriteNumber("acknowledged", acknowledged.ToUnixTimeMilliseconds());
            }

            if (alert.ClearedAt is { } cleared)
            {
                json.WriteNumber("cleared", cleared.ToUnixTimeMilliseconds());
            }
        });
    }

    /// <summary>The wire name of a severity: info, warning, critical.</summary>
    public static string Name(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => ((int)severity).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The wire name of a state: raised, acknowledged, cleared.</summary>
    public static string Name(AlertState state) => state switch
    {
        AlertState.Raised => "raised",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Cleared => "cleared",
        _ => ((int)state).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
