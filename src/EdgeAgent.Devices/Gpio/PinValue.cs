namespace EdgeAgent.Devices.Gpio;

/// <summary>The logical level of a GPIO pin.</summary>
public enum PinValue
{
    /// <summary>Inactive (0).</summary>
    Low = 0,

    /// <summary>Active (1).</summary>
    High = 1,
}
