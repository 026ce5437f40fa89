using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Outputs;

/// <summary>A yes or no for each severity. Each default false.</summary>
public sealed class GpioSeveritySwitches
{
    /// <summary>For <see cref="AlertSeverity.Info"/>.</summary>
    public bool Info { get; set; }

    /// <summary>For <see cref="AlertSeverity.Warning"/>.</summary>
    public bool Warning { get; set; }

    /// <summary>For <see cref="AlertSeverity.Critical"/>.</summary>
    public bool Critical { get; set; }

    /// <summary>The switch for <paramref name="severity"/>.</summary>
    public bool For(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => Info,
        AlertSeverity.Warning => Warning,
        AlertSeverity.Critical => Critical,
        _ => false,
    };
}
