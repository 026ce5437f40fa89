using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>What <see cref="Seed"/> put in the store: predictions over the last hours and alerts in each state.</summary>
internal sealed record SeededData(
    DateTimeOffset Now,
    IReadOnlyList<NewPrediction> InWindow,
    int Runs,
    long AckAlert,
    long RefusedAlert,
    long InjectionAlert,
    long AcknowledgedAlert,
    long ClearedAlert)
{
    public const string InjectionText = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> bearing outer race";
    public const string InjectionRule = "<b onmouseover=\"window.__pwned=3\">vibration</b>";

    public double MaxInWindow => InWindow.Max(p => p.Score);

    /// <summary>
    /// Alerts raised over six hours of <paramref name="clock"/>, then one prediction every 5 minutes over the last
    /// 5 h 50 min except for an hour with none, plus two far outside the trend (10 h ago and 1 h ahead) with
    /// scores above everything else, which the trend must leave out.
    /// </summary>
    public static SeededData Seed(EdgeStore store, ManualTimeProvider clock)
    {
        long cleared = store.RaiseAlert("temperature-high", AlertSeverity.Warning, "Motor temperature above 80 °C");
        clock.Advance(TimeSpan.FromMinutes(20));
        store.ClearAlert(cleared);
        clock.Advance(TimeSpan.FromHours(1));
        long acknowledged = store.RaiseAlert("current-imbalance", AlertSeverity.Info, "Phase current imbalance 6 %");
        clock.Advance(TimeSpan.FromMinutes(5));
        store.AcknowledgeAlert(acknowledged);
        clock.Advance(TimeSpan.FromHours(2));
        long ack = store.RaiseAlert("anomaly-score", AlertSeverity.Warning, "Anomaly score above 0.6 for 3 windows");
        long refused = store.RaiseAlert("vibration-rms", AlertSeverity.Critical, "RMS above 4 g on axis x");
        long injection = store.RaiseAlert(InjectionRule, AlertSeverity.Critical, InjectionText);
        clock.Advance(TimeSpan.FromHours(2.5));
        DateTimeOffset now = clock.GetUtcNow();

        var inWindow = new List<NewPrediction>();
        for (int i = 0; i < 70; i++)
        {
            DateTimeOffset time = now.AddMinutes(-350 + (5 * i));
            if (time > now.AddHours(-4) && time <= now.AddHours(-3))
            {
                continue; // an hour without predictions: the chart must show a gap
            }

            double score = i == 40 ? 0.875 : Math.Round(0.25 + (0.1 * Math.Sin(i / 3.0)), 3);
            inWindow.Add(new NewPrediction(time, "1.4.2", i, score, "{}", 0));
        }

        store.AddPredictions(inWindow);
        store.AddPredictions(
        [
            new NewPrediction(now.AddHours(-10), "1.4.2", 1000, 5.0, "{}", 0),
            new NewPrediction(now.AddHours(1), "1.4.2", 1001, 7.0, "{}", 0),
        ]);
        return new SeededData(now, inWindow, Runs: 2, ack, refused, injection, acknowledged, cleared);
    }
}
