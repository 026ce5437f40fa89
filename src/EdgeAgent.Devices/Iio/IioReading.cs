namespace EdgeAgent.Devices.Iio;

/// <summary>One reading of an IIO channel with the scale and offset that applied.</summary>
/// <param name="Raw">The <c>_raw</c> value.</param>
/// <param name="Offset">The <c>_offset</c> value; 0 when the device has none.</param>
/// <param name="Scale">The <c>_scale</c> value; 1 when the device has none.</param>
public readonly record struct IioReading(long Raw, double Offset, double Scale)
{
    /// <summary>The value in the channel's ABI unit (for example m/s² for accel, mV for voltage): (raw + offset) × scale.</summary>
    public double Value => (Raw + Offset) * Scale;
}
