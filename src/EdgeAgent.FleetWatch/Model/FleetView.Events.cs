using System.Text.Json;

namespace EdgeAgent.FleetWatch.Model;

// Alerts and drift reports.
internal sealed partial class FleetView
{
    /// <summary>One alert as it stands after a change; returns the problem when the payload is not one.</summary>
    private static string? ApplyAlert(DeviceState state, JsonElement root, MessageMark mark)
    {
        if (!root.TryGetProperty("alert", out JsonElement idElement) || !WirePayload.TryGetInt(idElement, out long id))
        {
            return "alert without a numeric 'alert' id";
        }

        string? alertState = WirePayload.String(root, "state");
        if (alertState is not (AlertStates.Raised or AlertStates.Acknowledged or AlertStates.Cleared))
        {
            return $"alert {id} with state '{alertState}'";
        }

        if (!state.Alerts.TryGetValue(id, out AlertReading? known) || MessageMark.Supersedes(known.Mark, mark))
        {
            state.Alerts[id] = new AlertReading(alertState, WirePayload.String(root, "severity") ?? "?", WirePayload.String(root, "rule") ?? "", mark);
        }

        return null;
    }

    /// <summary>
    /// A drift report: <c>{..., "at", "body": {...}}</c>. WIRE-FORMAT.md leaves the body to its producer (its example is
    /// <c>{"psi":0.03,"verdict":"stable"}</c>), so the verdict is read from <c>verdict</c> or <c>state</c>, and the drifted
    /// features from <c>drifted</c> or <c>driftedFeatures</c> (names), or <c>features</c> (names, or objects with
    /// <c>name</c> and <c>drifted: true</c>); what is absent shows as unknown.
    /// </summary>
    private static string? ApplyDrift(DeviceState state, JsonElement root, MessageMark mark)
    {
        if (!root.TryGetProperty("body", out JsonElement body))
        {
            return "drift report without a body";
        }

        if (!MessageMark.Supersedes(state.DriftMark, mark))
        {
            return null;
        }

        string? verdict = body.ValueKind switch
        {
            JsonValueKind.Object => WirePayload.String(body, "verdict") ?? WirePayload.String(body, "state"),
            JsonValueKind.String => body.GetString(),
            _ => null,
        };
        state.DriftMark = mark;
        state.Drift = new DriftReading(verdict, DriftedFeatures(body), WirePayload.Time(root, "at"));
        return null;
    }

    private static List<string> DriftedFeatures(JsonElement body)
    {
        var names = new List<string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return names;
        }

        foreach (string property in (ReadOnlySpan<string>)["drifted", "driftedFeatures", "features"])
        {
            if (!body.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (JsonElement item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    names.Add(item.GetString()!);
                }
                else if (WirePayload.String(item, "name") is { } name
                    && item.TryGetProperty("drifted", out JsonElement drifted) && drifted.ValueKind == JsonValueKind.True)
                {
                    names.Add(name);
                }
            }

            return names;
        }

        return names;
    }
}
