namespace EdgeAgent.Devices.Gpio;

/// <summary>
/// A GPIO controller in memory for tests and simulation: it records every write, remembers what each output drives,
/// and lets a test set the level that external circuitry presents on an input.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinValue> _outputs = [];
    private readonly Dictionary<int, PinValue> _externalLevels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly List<(int Pin, PinValue Value)> _writes = [];

    /// <summary>Creates a controller with <paramref name="pinCount"/> pins.</summary>
    public SimulatedGpioDriver(int pinCount = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        PinCount = pinCount;
    }

    /// <inheritdoc />
    public override int PinCount { get; }

    /// <summary>Every value written to an output, in order, including each output's initial value when it was opened.</summary>
    public IReadOnlyList<(int Pin, PinValue Value)> Writes
    {
        get
        {
            lock (SyncRoot)
            {
                return _writes.ToArray();
            }
        }
    }

    /// <summary>What an output pin drives now, or null when the pin is not an open output.</summary>
    public PinValue? GetOutputState(int pinNumber)
    {
        lock (SyncRoot)
        {
            return _modes.TryGetValue(pinNumber, out PinMode mode) && mode == PinMode.Output ? _outputs[pinNumber] : null;
        }
    }

    /// <summary>Sets the level external circuitry presents on a pin; null leaves it floating (the bias decides).</summary>
    public void SetExternalLevel(int pinNumber, PinValue? value)
    {
        lock (SyncRoot)
        {
            if (value is { } level)
            {
                _externalLevels[pinNumber] = level;
            }
            else
            {
                _externalLevels.Remove(pinNumber);
            }
        }
    }

    /// <inheritdoc />
    protected override void OpenPinCore(int pinNumber, PinMode mode, PinValue initialOutputValue)
    {
        _modes[pinNumber] = mode;
        if (mode == PinMode.Output)
        {
            Drive(pinNumber, initialOutputValue);
        }
    }

    /// <inheritdoc />
    protected override void ClosePinCore(int pinNumber)
    {
        _modes.Remove(pinNumber);
        _outputs.Remove(pinNumber);
    }

    /// <inheritdoc />
    protected override void SetPinModeCore(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        if (mode == PinMode.Output)
        {
            Drive(pinNumber, PinValue.Low);
        }
        else
        {
            _outputs.Remove(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override PinValue ReadCore(int pinNumber)
    {
        PinMode mode = _modes[pinNumber];
        if (mode == PinMode.Output)
        {
            return _outputs[pinNumber];
        }

        if (_externalLevels.TryGetValue(pinNumber, out PinValue level))
        {
            return level;
        }

        return mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
    }

    /// <inheritdoc />
    protected override void WriteCore(int pinNumber, PinValue value) => Drive(pinNumber, value);

    private void Drive(int pinNumber, PinValue value)
    {
        _outputs[pinNumber] = value;
        _writes.Add((pinNumber, value));
    }
}
