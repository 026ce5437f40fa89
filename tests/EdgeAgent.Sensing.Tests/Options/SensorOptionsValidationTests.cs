using EdgeAgent.Sensing.Simulation;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing.Tests.Options;

/// <summary>Settings as an operator writes them (configuration keys), bound and checked through <see cref="SensingServiceCollectionExtensions.AddSensing"/>.</summary>
public sealed class SensorOptionsValidationTests
{
    [Fact]
    public void Validate_UnknownSource_ListsTheValidKinds()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(("Sensors:Source", "Camera")));

        Assert.Equal(["Sensors:Source is 'Camera'; it must be one of Simulator, Replay, Iio, Adxl345, Ads1115, Mqtt."], ex.Failures);
    }

    [Fact]
    public void Validate_SourceInAnyCase_IsAccepted()
    {
        SensorOptions options = Bind(("Sensors:Source", "rePLAY"), ("Sensors:Replay:Path", SharedAssets.Data("ai4i2020", "ai4i2020.csv")), ("Sensors:Replay:Rate", "0"));

        Assert.True(options.TryGetSourceKind(out SensorSourceKind kind));
        Assert.Equal(SensorSourceKind.Replay, kind);
    }

    [Fact]
    public void Validate_OtherKindsSections_AreNotChecked()
    {
        SensorOptions options = Bind(("Sensors:Source", "Simulator"), ("Sensors:Replay:Rate", "-5"), ("Sensors:Iio:Rate", "0"));

        Assert.Equal(-5, options.Replay.Rate);
    }

    [Theory]
    [InlineData("Replay", "Sensors:Replay:Path", "/nonexistent/recording.csv", "Sensors:Replay:Path '/nonexistent/recording.csv' does not exist.")]
    [InlineData("Replay", "Sensors:Replay:Rate", "-1", "Sensors:Replay:Rate is -1; it must be above 0 (rows per second) or 0 (as fast as read).")]
    [InlineData("Replay", "Sensors:Replay:Loop", "true", "Sensors:Replay:Rate is not set and there is no Sensors:Replay:TimeColumn to pace by; set Rate (rows per second, or 0 for as fast as read) or TimeColumn.")]
    [InlineData("Simulator", "Sensors:Simulator:SampleRate", "0", "Sensors:Simulator:SampleRate is 0; it must be above 0 and at most 1000000 Hz.")]
    [InlineData("Simulator", "Sensors:Simulator:Speed", "-0.5", "Sensors:Simulator:Speed is -0.5; it must be 0 (as fast as read) or more (1 = real time).")]
    [InlineData("Simulator", "Sensors:Simulator:SensorFaults:0:Channel", "vib_q", "Sensors:Simulator:SensorFaults:0:Channel is 'vib_q'; a Stuck fault needs one of vib_x, vib_y, vib_z, temperature, current.")]
    [InlineData("Simulator", "Sensors:Simulator:BearingDefect:ResonanceHz", "6000", "Sensors:Simulator:BearingDefect:ResonanceHz is 6000; it must be above 0 and below half of Sensors:Simulator:SampleRate (5000 Hz).")]
    [InlineData("Iio", "Sensors:Iio:Rate", "0", "Sensors:Iio:Rate is 0; it must be above 0 and at most 10000 rows per second.")]
    [InlineData("Adxl345", "Sensors:Adxl345:Rate", "5000", "Sensors:Adxl345:Rate is 5000; it must be above 0 and at most 3200 rows per second (the chip's fastest output rate).")]
    [InlineData("Adxl345", "Sensors:Adxl345:Address", "32", "Sensors:Adxl345:Address is 0x20; an ADXL345 answers at 0x53 (83, SDO low) or 0x1D (29, SDO high).")]
    [InlineData("Ads1115", "Sensors:Ads1115:Rate", "0", "Sensors:Ads1115:Rate is 0; it must be above 0 rows per second.")]
    public void Validate_BadSetting_FailsWithAMessageNamingIt(string source, string key, string value, string expected)
    {
        var settings = new List<(string, string)> { ("Sensors:Source", source), (key, value) };
        if (source == "Iio")
        {
            settings.Add(("Sensors:Iio:Device", "0"));
            settings.Add(("Sensors:Iio:SysfsRoot", Path.GetTempPath()));
            settings.Add(("Sensors:Iio:Channels:accel_x:Name", "vib_x"));
        }

        if (source == "Ads1115")
        {
            settings.Add(("Sensors:Ads1115:Inputs:0:Name", "current"));
        }

        if (source == "Replay" && key != "Sensors:Replay:Path")
        {
            settings.Add(("Sensors:Replay:Path", SharedAssets.Data("ai4i2020", "ai4i2020.csv")));
        }

        if (key == "Sensors:Replay:Path")
        {
            settings.Add(("Sensors:Replay:Rate", "0"));
        }

        var ex = Assert.Throws<OptionsValidationException>(() => Bind([.. settings]));

        Assert.Contains(expected, ex.Failures);
    }

    [Fact]
    public void Bind_SimulatorFaultSettings_ReachTheOptions()
    {
        SensorOptions options = Bind(
            ("Sensors:Simulator:BearingDefect:Start", "00:00:05"),
            ("Sensors:Simulator:BearingDefect:GrowthTime", "00:01:00"),
            ("Sensors:Simulator:SensorFaults:0:Kind", "NaN"),
            ("Sensors:Simulator:SensorFaults:0:Channel", "temperature"),
            ("Sensors:Simulator:SensorFaults:0:Duration", "00:00:02"),
            ("Sensors:Simulator:SensorFaults:1:Kind", "Dropout"),
            ("Sensors:Simulator:SensorFaults:1:Start", "00:00:10"));

        Assert.Equal(TimeSpan.FromSeconds(5), options.Simulator.BearingDefect!.Start);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Simulator.BearingDefect.GrowthTime);
        Assert.Equal([SensorFaultKind.NaN, SensorFaultKind.Dropout], options.Simulator.SensorFaults.Select(f => f.Kind));
        Assert.Equal(TimeSpan.FromSeconds(2), options.Simulator.SensorFaults[0].Duration);
        Assert.Null(options.Simulator.SensorFaults[1].Duration);
    }

    /// <summary>Binds the settings through AddSensing and returns the validated options (throwing as the host would).</summary>
    internal static SensorOptions Bind(params (string Key, string Value)[] settings)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using ServiceProvider services = new ServiceCollection().AddSensing(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SensorOptions>>().Value;
    }
}
