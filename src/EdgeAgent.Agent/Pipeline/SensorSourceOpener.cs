using EdgeAgent.Sensing;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>Opens the configured sensor source; called again after the source fails.</summary>
/// <exception cref="SensorException">The source cannot be opened now.</exception>
public delegate ISensorSource SensorSourceOpener();
