namespace EdgeAgent.Fleet.Payloads;

/// <summary>Writes drift reports, status and other events (see WIRE-FORMAT.md).</summary>
public static class EventPayloadWriter
{
    /// <summary>An event whose body is JSON given by its producer (a drift report, a rollout step): <c>{..., "at", "body"}</c>.</summary>
    public static byte[] Write(string messageId, long sequence, DateTimeOffset at, string bodyJson)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(bodyJson);
        return PayloadJson.Write(messageId, sequence, 96 + bodyJson.Length, json =>
        {
            json.WriteNumber("at", at.ToUnixTimeMilliseconds());
            json.WritePropertyName("body");
            PayloadJson.WriteRaw(json, bodyJson);
        });
    }

    /// <summary>The device's status: agent and model versions, model state, health, and free-form details.</summary>
    public static byte[] Write(string messageId, long sequence, DateTimeOffset at, Outbox.DeviceStatus status)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(status);
        return PayloadJson.Write(messageId, sequence, 256, json =>
        {
            json.WriteNumber("at", at.ToUnixTimeMilliseconds());
            json.WriteString("agent", status.AgentVersion);
            WriteIfSet(json, "model", status.ModelName);
            WriteIfSet(json, "modelVersion", status.ModelVersion);
            WriteIfSet(json, "modelState", status.ModelState);
            json.WriteString("health", status.Health);
            if (status.Details is { Count: > 0 } details)
            {
                json.WriteStartObject("details");
                foreach ((string name, string value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }
        });
    }

    private static void WriteIfSet(System.Text.Json.Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
