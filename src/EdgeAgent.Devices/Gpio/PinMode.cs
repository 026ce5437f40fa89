namespace EdgeAgent.Devices.Gpio;

/// <summary>How a GPIO pin is used.</summary>
public enum PinMode
{
    /// <summary>Input, bias left as the board has it.</summary>
    Input,

    /// <summary>Push-pull output.</summary>
    Output,

    /// <summary>Input with the internal pull-up resistor enabled.</summary>
    InputPullUp,

    /// <summary>Input with the internal pull-down resistor enabled.</summary>
    InputPullDown,
}
