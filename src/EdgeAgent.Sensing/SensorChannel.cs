namespace EdgeAgent.Sensing;

/// <summary>One channel of a source.</summary>
/// <param name="Name">The name a model package's feature spec uses, e.g. <c>vib_x</c>.</param>
/// <param name="Units">Units of its values, e.g. <c>g</c>, <c>degC</c>, <c>A</c>.</param>
/// <param name="SampleRate">Nominal rows per second, or null where rows are events or cycles (replay of C-MAPSS).</param>
public sealed record SensorChannel(string Name, string Units, double? SampleRate);
