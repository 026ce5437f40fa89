namespace EdgeAgent.Devices.Iio;

/// <summary>An input channel of an IIO device, found by its <c>in_{Id}_raw</c> file.</summary>
/// <param name="Id">The channel part of the file name, such as <c>accel_x</c>, <c>voltage0</c> or <c>voltage0-voltage1</c>.</param>
/// <param name="Type">The channel type whose shared attributes apply, such as <c>accel</c>, <c>voltage</c> or <c>voltage-voltage</c>.</param>
/// <param name="RawPath">The full path of the <c>_raw</c> file.</param>
public sealed record IioChannel(string Id, string Type, string RawPath);
