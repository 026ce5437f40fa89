namespace EdgeAgent.Alerting.Outputs;

/// <summary>Which GPIO driver the alert lines use.</summary>
public enum GpioDriverKind
{
    /// <summary>The Linux GPIO character device (<c>/dev/gpiochipN</c>): real lamps, buzzers and relays.</summary>
    Character = 0,

    /// <summary>Lines in memory only, for demos and tests; nothing is switched.</summary>
    Simulated = 1,
}
