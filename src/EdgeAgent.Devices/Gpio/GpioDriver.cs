namespace EdgeAgent.Devices.Gpio;

/// <summary>
/// Access to the pins of one GPIO controller, in the shape of dotnet/iot's <c>GpioDriver</c>: open a pin as input or
/// output, read and write it, close it. This base class checks arguments and pin state once for every driver and keeps
/// the set of open pins; derived classes implement the <c>...Core</c> methods. Pin numbers are the controller's line
/// offsets. Members are safe to call from several threads.
/// </summary>
public abstract class GpioDriver : IDisposable
{
    private readonly Dictionary<int, PinMode> _openPins = [];
    private bool _disposed;

    /// <summary>The number of pins (lines) the controller has.</summary>
    public abstract int PinCount { get; }

    /// <summary>Serialises calls into the driver.</summary>
    protected object SyncRoot { get; } = new();

    /// <summary>Whether the pin is open.</summary>
    public bool IsPinOpen(int pinNumber)
    {
        lock (SyncRoot)
        {
            return _openPins.ContainsKey(pinNumber);
        }
    }

    /// <summary>Whether the driver can put the pin in <paramref name="mode"/>.</summary>
    public virtual bool IsPinModeSupported(int pinNumber, PinMode mode) => Enum.IsDefined(mode);

    /// <summary>Opens a pin in <paramref name="mode"/>; an output starts at <paramref name="initialOutputValue"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pin is outside 0..<see cref="PinCount"/>-1 or the mode is unknown.</exception>
    /// <exception cref="InvalidOperationException">The pin is already open.</exception>
    /// <exception cref="GpioException">The controller refused the request.</exception>
    public void OpenPin(int pinNumber, PinMode mode, PinValue initialOutputValue = PinValue.Low)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            ValidatePin(pinNumber);
            ValidateMode(pinNumber, mode);
            if (_openPins.ContainsKey(pinNumber))
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is already open; close it first or use SetPinMode.");
            }

            OpenPinCore(pinNumber, mode, initialOutputValue);
            _openPins.Add(pinNumber, mode);
        }
    }

    /// <summary>Closes a pin, releasing it to other users. Closing a pin that is not open does nothing.</summary>
    public void ClosePin(int pinNumber)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            if (_openPins.Remove(pinNumber))
            {
                ClosePinCore(pinNumber);
            }
        }
    }

    /// <summary>The mode an open pin is in.</summary>
    /// <exception cref="InvalidOperationException">The pin is not open.</exception>
    public PinMode GetPinMode(int pinNumber)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            return GetOpenMode(pinNumber);
        }
    }

    /// <summary>Changes the mode of an open pin; an output starts low.</summary>
    /// <exception cref="InvalidOperationException">The pin is not open.</exception>
    public void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            _ = GetOpenMode(pinNumber);
            ValidateMode(pinNumber, mode);
            SetPinModeCore(pinNumber, mode);
            _openPins[pinNumber] = mode;
        }
    }

    /// <summary>Reads the level of an open pin (an output reads back what it drives).</summary>
    /// <exception cref="InvalidOperationException">The pin is not open.</exception>
    public PinValue Read(int pinNumber)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            _ = GetOpenMode(pinNumber);
            return ReadCore(pinNumber);
        }
    }

    /// <summary>Drives an output pin.</summary>
    /// <exception cref="InvalidOperationException">The pin is not open, or is open as an input.</exception>
    public void Write(int pinNumber, PinValue value)
    {
        lock (SyncRoot)
        {
            ThrowIfDisposed();
            if (GetOpenMode(pinNumber) != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is open as {_openPins[pinNumber]}; only an output can be written.");
            }

            if (value is not (PinValue.Low or PinValue.High))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A pin value is Low or High.");
            }

            WriteCore(pinNumber, value);
        }
    }

    /// <summary>Closes every open pin and releases the controller.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Requests the line from the controller.</summary>
    protected abstract void OpenPinCore(int pinNumber, PinMode mode, PinValue initialOutputValue);

    /// <summary>Releases the line.</summary>
    protected abstract void ClosePinCore(int pinNumber);

    /// <summary>Reconfigures an open line.</summary>
    protected abstract void SetPinModeCore(int pinNumber, PinMode mode);

    /// <summary>Reads an open line.</summary>
    protected abstract PinValue ReadCore(int pinNumber);

    /// <summary>Drives an open output line.</summary>
    protected abstract void WriteCore(int pinNumber, PinValue value);

    /// <summary>Closes the open pins; derived classes release their own resources after calling this.</summary>
    protected virtual void Dispose(bool disposing)
    {
        lock (SyncRoot)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (disposing)
            {
                foreach (int pin in _openPins.Keys.ToArray())
                {
                    ClosePinCore(pin);
                }
            }

            _openPins.Clear();
        }
    }

    /// <summary>Throws when the driver has been disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private PinMode GetOpenMode(int pinNumber) =>
        _openPins.TryGetValue(pinNumber, out PinMode mode)
            ? mode
            : throw new InvalidOperationException($"GPIO pin {pinNumber} is not open; call OpenPin first.");

    private void ValidatePin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= PinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"This GPIO controller has pins 0 to {PinCount - 1}.");
        }
    }

    private void ValidateMode(int pinNumber, PinMode mode)
    {
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"GPIO pin {pinNumber} does not support mode {mode}.");
        }
    }
}
