namespace EdgeAgent.Sensing;

/// <summary>The kinds of sensor source the agent can read (<c>Sensors:Source</c>).</summary>
public enum SensorSourceKind
{
    /// <summary>A simulated rotating machine (<c>Sensors:Simulator</c>).</summary>
    Simulator,

    /// <summary>A recorded CSV or C-MAPSS file (<c>Sensors:Replay</c>).</summary>
    Replay,

    /// <summary>A Linux Industrial I/O device through sysfs (<c>Sensors:Iio</c>).</summary>
    Iio,

    /// <summary>An ADXL345 accelerometer on I2C (<c>Sensors:Adxl345</c>).</summary>
    Adxl345,

    /// <summary>An ADS1115 ADC on I2C (<c>Sensors:Ads1115</c>).</summary>
    Ads1115,

    /// <summary>Readings other devices publish to an MQTT broker (<c>Sensors:Mqtt</c>).</summary>
    Mqtt,
}
