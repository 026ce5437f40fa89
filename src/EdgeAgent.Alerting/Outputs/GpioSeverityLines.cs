using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Outputs;

/// <summary>The GPIO line (offset on the chip) for each severity; a severity without one switches nothing. Each default unset.</summary>
public sealed class GpioSeverityLines
{
    /// <summary>The line for <see cref="AlertSeverity.Info"/> alerts.</summary>
    public int? Info { get; set; }

    /// <summary>The line for <see cref="AlertSeverity.Warning"/> alerts.</summary>
    public int? Warning { get; set; }

    /// <summary>The line for <see cref="AlertSeverity.Critical"/> alerts.</summary>
    public int? Critical { get; set; }

    /// <summary>The line for <paramref name="severity"/>, or null.</summary>
    public int? For(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => Info,
        AlertSeverity.Warning => Warning,
        AlertSeverity.Critical => Critical,
        _ => null,
    };
}
