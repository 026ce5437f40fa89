using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Alerting.Tests;

/// <summary>Assertions on what the alerting code logged.</summary>
internal static class LogEntryAssert
{
    /// <summary>Exactly one "ALERT" warning (event 5000) was logged for <paramref name="rule"/>, with its text.</summary>
    public static LogEntry Raised(AlertingHarness harness, string rule, string text)
    {
        LogEntry entry = Assert.Single(harness.Logged(5000), e => e.Message.Contains($"rule {rule},", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("ALERT ", entry.Message, StringComparison.Ordinal);
        Assert.Contains(text, entry.Message, StringComparison.Ordinal);
        return entry;
    }
}
