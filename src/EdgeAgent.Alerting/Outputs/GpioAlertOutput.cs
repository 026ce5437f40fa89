using EdgeAgent.Alerting.Board;
using EdgeAgent.Devices.Gpio;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Alerting.Outputs;

/// <summary>
/// Switches one GPIO line per severity from the open alerts on the <see cref="AlertBoard"/>: a lamp is on while any alert of
/// its severity is open; with SilenceOnAcknowledge (a buzzer) only while one of them is not yet acknowledged.
/// </summary>
/// <remarks>
/// The lines are set when the output is made, from the alerts already open, and again at every change on the board.
/// A GPIO failure (no chip, a line held by another process, an ioctl error) is logged and marks the line unhealthy; it is
/// tried again at the next change and never reaches the board or the decisions. Disposing switches the lines off and releases them.
/// </remarks>
public sealed class GpioAlertOutput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioAlertOutputOptions _options;
    private readonly AlertBoard _board;
    private readonly Func<GpioDriver> _openDriver;
    private readonly ILogger _logger;
    private readonly LineSlot[] _lines;
    private GpioDriver? _driver;
    private bool _chipFailing;
    private bool _disposed;
    private volatile AlertOutputState[] _states = [];

    /// <summary>Sets the lines from the open alerts and follows the board's changes (nothing, when the options disable it).</summary>
    /// <param name="options">The settings; checked as <see cref="GpioAlertOutputOptionsValidator"/> does.</param>
    /// <param name="board">The alerts to show.</param>
    /// <param name="openDriver">Opens the GPIO driver, such as <see cref="OpenDriver"/>; the output owns and disposes what it returns. Called again after a failure.</param>
    /// <param name="logger">The log.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public GpioAlertOutput(GpioAlertOutputOptions options, AlertBoard board, Func<GpioDriver> openDriver, ILogger<GpioAlertOutput> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(openDriver);
        ArgumentNullException.ThrowIfNull(logger);
        var errors = new List<string>();
        GpioAlertOutputOptionsValidator.Collect(options, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _board = board;
        _openDriver = openDriver;
        _logger = logger;
        _lines = !options.Enabled ? [] :
            [.. Enum.GetValues<AlertSeverity>()
                .Where(s => options.Lines.For(s) is not null)
                .Select(s => new LineSlot(s, options.Lines.For(s)!.Value, options.SilenceOnAcknowledge.For(s)))];
        if (_lines.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _board.Changed += OnChanged;
            Apply();
            Log.GpioReady(_logger, options.Driver == GpioDriverKind.Simulated ? "simulated GPIO" : options.Chip, options.Driver.ToString(), string.Join(", ", _lines.Select(l => $"{l.Name} on line {l.Line}")));
        }
    }

    /// <summary>Each configured line, in severity order (none when disabled): a snapshot.</summary>
    public IReadOnlyList<AlertOutputState> States => _states;

    /// <summary>True when every configured line was switched as asked the last time.</summary>
    public bool Healthy => _states.All(s => s.Healthy);

    /// <summary>The driver the options select: the GPIO character device at <see cref="GpioAlertOutputOptions.Chip"/>, or in-memory lines only when <see cref="GpioAlertOutputOptions.Driver"/> is Simulated.</summary>
    /// <exception cref="GpioException">The chip is missing or not accessible.</exception>
    public static GpioDriver OpenDriver(GpioAlertOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Driver == GpioDriverKind.Simulated ? new SimulatedGpioDriver() : new GpioCharacterDeviceDriver(options.Chip);
    }

    /// <summary>Switches the lines off, releases them and the driver, and stops following the board.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _board.Changed -= OnChanged;
            if (_driver is not { } driver)
            {
                return;
            }

            foreach (LineSlot slot in _lines.Where(l => l.Opened))
            {
                try
                {
                    driver.Write(slot.Line, Level(on: false));
                    driver.ClosePin(slot.Line);
                }
                catch (Exception ex) when (IsGpioFailure(ex))
                {
                    Log.GpioLineFailed(_logger, slot.Name, slot.Line, ex);
                }
            }

            try
            {
                driver.Dispose();
            }
            catch (Exception ex) when (IsGpioFailure(ex))
            {
                Log.GpioChipFailed(_logger, _options.Chip, ex);
            }

            _driver = null;
        }
    }

    private static bool IsGpioFailure(Exception ex) =>
        ex is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException;

    private PinValue Level(bool on) => on != _options.ActiveLow ? PinValue.High : PinValue.Low;

    private void OnChanged(AlertChange change)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Apply();
            }
        }
    }

    /// <summary>Sets every line from the board's open alerts; a line that fails is marked and the others still switch.</summary>
    private void Apply()
    {
        IReadOnlyList<Alert> open = _board.Open;
        OpenDriverOnce();
        foreach (LineSlot slot in _lines)
        {
            bool on = ShouldBeOn(slot, open);
            if (_driver is not { } driver)
            {
                // the chip could not be opened (logged once), or the driver was found closed at an earlier line
                slot.Fail(slot.Error ?? $"GPIO chip {_options.Chip} is not open");
                continue;
            }

            try
            {
                if (!slot.Opened)
                {
                    driver.OpenPin(slot.Line, PinMode.Output, Level(on));
                    slot.Opened = true;
                }
                else if (on != slot.On || !slot.Healthy)
                {
                    driver.Write(slot.Line, Level(on));
                }

                if (on != slot.On)
                {
                    Log.GpioLineSet(_logger, slot.Name, slot.Line, on ? "on" : "off");
                }

                slot.On = on;
                if (!slot.Healthy)
                {
                    Log.GpioLineRecovered(_logger, slot.Name, slot.Line);
                }

                slot.Healthy = true;
                slot.Error = null;
            }
            catch (Exception ex) when (IsGpioFailure(ex))
            {
                if (slot.Healthy)
                {
                    Log.GpioLineFailed(_logger, slot.Name, slot.Line, ex);
                }

                slot.Fail(ex.Message);
                ReleaseAfterFailure(driver, slot, ex);
            }
        }

        _states = [.. _lines.Select(l => new AlertOutputState(l.Name, l.Severity, l.Line, l.On, l.Healthy, l.Error))];
    }

    /// <summary>Opens the driver if it is not open; a failure leaves it null and is logged once per outage.</summary>
    private void OpenDriverOnce()
    {
        if (_driver is not null)
        {
            return;
        }

        try
        {
            _driver = _openDriver();
            _chipFailing = false;
        }
        catch (Exception ex) when (IsGpioFailure(ex))
        {
            if (!_chipFailing)
            {
                _chipFailing = true;
                Log.GpioChipFailed(_logger, _options.Chip, ex);
            }
        }
    }

    /// <summary>After a failure the line is requested afresh next time; a driver that is gone is opened afresh.</summary>
    private void ReleaseAfterFailure(GpioDriver driver, LineSlot slot, Exception failure)
    {
        if (failure is ObjectDisposedException)
        {
            _driver = null;
            foreach (LineSlot line in _lines)
            {
                line.Opened = false;
            }

            return;
        }

        if (!slot.Opened)
        {
            return;
        }

        slot.Opened = false;
        try
        {
            driver.ClosePin(slot.Line);
        }
        catch (Exception ex) when (IsGpioFailure(ex))
        {
            // the line is already marked unhealthy and logged; releasing it is best effort
            slot.Error = $"{slot.Error}; release failed: {ex.Message}";
        }
    }

    private static bool ShouldBeOn(LineSlot slot, IReadOnlyList<Alert> open)
    {
        foreach (Alert alert in open)
        {
            if (alert.Severity == slot.Severity && (!slot.SilenceOnAcknowledge || alert.State == AlertState.Raised))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One configured line and what is known of it.</summary>
    private sealed class LineSlot(AlertSeverity severity, int line, bool silenceOnAcknowledge)
    {
        public AlertSeverity Severity { get; } = severity;

        public int Line { get; } = line;

        public bool SilenceOnAcknowledge { get; } = silenceOnAcknowledge;

        public string Name { get; } = $"{(silenceOnAcknowledge ? "buzzer" : "lamp")}.{severity.ToString().ToLowerInvariant()}";

        public bool Opened { get; set; }

        public bool On { get; set; }

        public bool Healthy { get; set; } = true;

        public string? Error { get; set; }

        public void Fail(string error)
        {
            Healthy = false;
            Error = error;
        }
    }
}
