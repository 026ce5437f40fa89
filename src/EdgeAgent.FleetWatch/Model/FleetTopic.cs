namespace EdgeAgent.FleetWatch.Model;

/// <summary>The device topics of a fleet: <c>edge/{fleet}/{device}/{stream}</c> (ARCHITECTURE.md, "MQTT topics").</summary>
internal static class FleetTopic
{
    /// <summary>The retained status, with the Last Will <c>offline</c>.</summary>
    public const string Status = "status";

    /// <summary>One alert after a change.</summary>
    public const string Alerts = "alerts";

    /// <summary>Drift reports.</summary>
    public const string Drift = "drift";

    /// <summary>Prediction batches.</summary>
    public const string Predictions = "predictions";

    /// <summary>
    /// The filter for every stream every device of <paramref name="fleet"/> publishes; one level per stream, so the fleet
    /// manager's <c>cmd/#</c> topics (commands to the device, not from it) stay out.
    /// </summary>
    public static string Filter(string fleet) => $"edge/{fleet}/+/+";

    /// <summary>Splits a topic of <paramref name="fleet"/> into device and stream; false for any other topic.</summary>
    public static bool TryParse(string fleet, string topic, out string device, out string stream)
    {
        device = "";
        stream = "";
        string[] levels = topic.Split('/');
        if (levels.Length != 4 || levels[0] != "edge" || levels[1] != fleet || levels[2].Length == 0 || levels[3].Length == 0)
        {
            return false;
        }

        device = levels[2];
        stream = levels[3];
        return true;
    }

    /// <summary>Whether <paramref name="fleet"/> can name a topic level: not empty, no '/', '+', '#' or NUL.</summary>
    public static bool IsValidFleet(string fleet) => fleet.Length > 0 && fleet.IndexOfAny(['/', '+', '#', '\0']) < 0;
}
