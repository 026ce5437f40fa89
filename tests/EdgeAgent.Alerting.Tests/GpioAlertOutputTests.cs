using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Outputs;
using EdgeAgent.Devices.Gpio;
using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Tests;

public sealed class GpioAlertOutputTests : IDisposable
{
    private const int InfoLine = 5;
    private const int WarningLine = 6;
    private const int CriticalLine = 7;

    private readonly AlertingHarness _h = new();
    private readonly AlertBoard _board;
    private readonly SimulatedGpioDriver _driver = new();

    public GpioAlertOutputTests() => _board = _h.NewBoard(_h.OpenStore());

    public void Dispose()
    {
        _h.Dispose();
        _driver.Dispose();
    }

    [Fact]
    public void Changed_OpenAlertsBySeverity_SwitchEachSeverityLine()
    {
        GpioAlertOutput output = NewOutput(Options());
        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.Low), Lines());

        _board.Raise("wear", AlertSeverity.Warning, "w");
        Assert.Equal((PinValue.Low, PinValue.High, PinValue.Low), Lines());

        _board.Raise("heat", AlertSeverity.Critical, "c");
        _board.Raise("note", AlertSeverity.Info, "i");
        Assert.Equal((PinValue.High, PinValue.High, PinValue.High), Lines());

        _board.Clear("wear");
        _board.Clear("note");
        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.High), Lines());
        Assert.Equal(
            [("lamp.info", InfoLine, false, true), ("lamp.warning", WarningLine, false, true), ("lamp.critical", CriticalLine, true, true)],
            output.States.Select(s => (s.Name, s.Line, s.On, s.Healthy)));
    }

    [Fact]
    public void Constructor_AlertsAlreadyOpen_StartsTheLinesOnWithoutAGlitch()
    {
        _board.Raise("heat", AlertSeverity.Critical, "c");

        GpioAlertOutput output = NewOutput(Options());

        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.High), Lines());
        Assert.Equal([PinValue.High], _driver.Writes.Where(w => w.Pin == CriticalLine).Select(w => w.Value));
        Assert.True(output.Healthy);
    }

    [Fact]
    public void Acknowledge_SilenceOnAcknowledge_TurnsTheBuzzerOffButLeavesTheLampOn()
    {
        GpioAlertOutputOptions options = Options();
        options.SilenceOnAcknowledge.Warning = true;
        GpioAlertOutput output = NewOutput(options);
        long wear = _board.Raise("wear", AlertSeverity.Warning, "w")!.Id;
        long heat = _board.Raise("heat", AlertSeverity.Critical, "c")!.Id;
        Assert.Equal((PinValue.Low, PinValue.High, PinValue.High), Lines());

        _board.Acknowledge(wear, "maria");
        _board.Acknowledge(heat, "maria");
        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.High), Lines());

        long vibration = _board.Raise("vibration", AlertSeverity.Warning, "w2")!.Id;
        Assert.Equal(PinValue.High, _driver.GetOutputState(WarningLine));
        _board.Acknowledge(vibration, "joe");
        Assert.Equal(PinValue.Low, _driver.GetOutputState(WarningLine));
        Assert.Equal(["lamp.info", "buzzer.warning", "lamp.critical"], output.States.Select(s => s.Name));
    }

    [Fact]
    public void Changed_ActiveLow_DrivesLowForOn()
    {
        GpioAlertOutputOptions options = Options();
        options.ActiveLow = true;
        GpioAlertOutput output = NewOutput(options);
        Assert.Equal((PinValue.High, PinValue.High, PinValue.High), Lines());

        _board.Raise("wear", AlertSeverity.Warning, "w");

        Assert.Equal((PinValue.High, PinValue.Low, PinValue.High), Lines());
        Assert.True(output.States[1].On);
    }

    [Fact]
    public void Constructor_ChipMissing_MarksEveryLineUnhealthyAndTheBoardCarriesOn()
    {
        GpioAlertOutputOptions options = Options();
        options.Driver = GpioDriverKind.Character;
        options.Chip = Path.Combine(_h.Folder, "gpiochip9");
        GpioAlertOutput output = _h.Own(new GpioAlertOutput(options, _board, () => GpioAlertOutput.OpenDriver(options), new TypedLogger<GpioAlertOutput>(_h.Logger)));

        Alert? raised = _board.Raise("wear", AlertSeverity.Warning, "w");
        _board.Acknowledge(raised!.Id, "maria");

        Assert.Single(_board.Open);
        Assert.False(output.Healthy);
        Assert.All(output.States, s => Assert.False(s.Healthy));
        Assert.IsType<GpioException>(Assert.Single(_h.Logged(5041)).Exception);
        Assert.Contains("gpiochip9", _h.Logged(5041)[0].Message, StringComparison.Ordinal);
        Assert.Empty(_h.Logged(5007));
    }

    [Fact]
    public void Changed_OneLineBeyondTheChip_OnlyThatLineIsUnhealthy()
    {
        using var small = new SimulatedGpioDriver(pinCount: 7);
        GpioAlertOutput output = NewOutput(Options(), () => small);

        _board.Raise("wear", AlertSeverity.Warning, "w");
        _board.Raise("heat", AlertSeverity.Critical, "c");

        Assert.Equal(PinValue.High, small.GetOutputState(WarningLine));
        Assert.Equal([true, true, false], output.States.Select(s => s.Healthy));
        Assert.Contains("pins 0 to 6", output.States[2].Error, StringComparison.Ordinal);
        Assert.Contains("lamp.critical", Assert.Single(_h.Logged(5042)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_DriverFailsThenAFreshOneOpens_RecoversAtTheNextChange()
    {
        var fresh = new SimulatedGpioDriver();
        var drivers = new Queue<GpioDriver>([_driver, fresh]);
        GpioAlertOutput output = NewOutput(Options(), drivers.Dequeue);
        _driver.Dispose();

        _board.Raise("wear", AlertSeverity.Warning, "w");
        Assert.False(output.Healthy);
        Assert.Single(_board.Open);

        _board.Raise("heat", AlertSeverity.Critical, "c");

        Assert.True(output.Healthy);
        Assert.Equal((PinValue.High, PinValue.High), (fresh.GetOutputState(WarningLine), fresh.GetOutputState(CriticalLine)));
        Assert.Contains(_h.Logged(5043), e => e.Message.Contains("lamp.warning", StringComparison.Ordinal));
        output.Dispose();
        fresh.Dispose();
    }

    [Fact]
    public void Dispose_SwitchesTheLinesOffAndStopsFollowingTheBoard()
    {
        GpioAlertOutput output = NewOutput(Options());
        _board.Raise("wear", AlertSeverity.Warning, "w");

        output.Dispose();
        _board.Raise("heat", AlertSeverity.Critical, "c");

        Assert.Equal((WarningLine, PinValue.Low), _driver.Writes.Last(w => w.Pin == WarningLine));
        Assert.DoesNotContain(_driver.Writes, w => w is { Pin: CriticalLine, Value: PinValue.High });
        Assert.False(_driver.IsPinOpen(WarningLine));
    }

    [Fact]
    public void Constructor_Disabled_TouchesNoDriver()
    {
        GpioAlertOutputOptions options = Options();
        options.Enabled = false;
        int opened = 0;

        GpioAlertOutput output = NewOutput(options, () =>
        {
            opened++;
            return _driver;
        });
        _board.Raise("wear", AlertSeverity.Warning, "w");

        Assert.Empty(output.States);
        Assert.Equal(0, opened);
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsNamingTheSetting()
    {
        GpioAlertOutputOptions options = Options();
        options.Lines.Critical = WarningLine;

        var ex = Assert.Throws<ArgumentException>(() => new GpioAlertOutput(options, _board, () => _driver, new TypedLogger<GpioAlertOutput>(_h.Logger)));

        Assert.Contains("AlertOutputs:Gpio:Lines:Critical is 6, the same line as AlertOutputs:Gpio:Lines:Warning", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenDriver_DriverSetting_SelectsSimulatedOnlyWhenAsked()
    {
        using GpioDriver simulated = GpioAlertOutput.OpenDriver(new GpioAlertOutputOptions { Driver = GpioDriverKind.Simulated });
        Assert.IsType<SimulatedGpioDriver>(simulated);

        var character = new GpioAlertOutputOptions { Chip = Path.Combine(_h.Folder, "gpiochip3") };
        var ex = Assert.Throws<GpioException>(() => GpioAlertOutput.OpenDriver(character));
        Assert.Equal(character.Chip, ex.ChipPath);
    }

    private static GpioAlertOutputOptions Options() => new()
    {
        Enabled = true,
        Driver = GpioDriverKind.Simulated,
        Lines = new GpioSeverityLines { Info = InfoLine, Warning = WarningLine, Critical = CriticalLine },
    };

    private GpioAlertOutput NewOutput(GpioAlertOutputOptions options, Func<GpioDriver>? open = null) =>
        _h.Own(new GpioAlertOutput(options, _board, open ?? (() => _driver), new TypedLogger<GpioAlertOutput>(_h.Logger)));

    private (PinValue? Info, PinValue? Warning, PinValue? Critical) Lines() =>
        (_driver.GetOutputState(InfoLine), _driver.GetOutputState(WarningLine), _driver.GetOutputState(CriticalLine));
}
