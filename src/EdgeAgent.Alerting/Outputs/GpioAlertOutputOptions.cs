namespace EdgeAgent.Alerting.Outputs;

/// <summary>GPIO lines that show open alerts: a lamp, buzzer or relay per severity. Bound from <c>AlertOutputs:Gpio</c>.</summary>
public sealed class GpioAlertOutputOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "AlertOutputs:Gpio";

    /// <summary>Whether alerts switch GPIO lines at all. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The driver. Default <see cref="GpioDriverKind.Character"/>; <see cref="GpioDriverKind.Simulated"/> only when set so.</summary>
    public GpioDriverKind Driver { get; set; } = GpioDriverKind.Character;

    /// <summary>The GPIO chip device of the lines. Default <c>/dev/gpiochip0</c>.</summary>
    public string Chip { get; set; } = "/dev/gpiochip0";

    /// <summary>The line for each severity; at least one when <see cref="Enabled"/>, no two the same.</summary>
    public GpioSeverityLines Lines { get; set; } = new();

    /// <summary>Whether a line is driven low to switch its device on (a relay board that sinks current). Default false.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>
    /// For each severity, whether its line goes off once every open alert of that severity is acknowledged (a buzzer),
    /// rather than staying on while any is open (a lamp). Default false for each.
    /// </summary>
    public GpioSeveritySwitches SilenceOnAcknowledge { get; set; } = new();
}
