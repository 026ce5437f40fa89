using EdgeAgent.Drift.Calibration;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>Makes the <see cref="DriftMonitor"/> for each model that becomes active, with the configured <see cref="DriftOptions"/>.</summary>
public sealed class DriftMonitorFactory
{
    private readonly IOptions<DriftOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DriftMonitor> _logger;

    public DriftMonitorFactory(IOptions<DriftOptions> options, TimeProvider time, ILogger<DriftMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The monitor for a package, calibrated on its reference profile (a fraction of a second).</summary>
    /// <exception cref="DriftProfileException">The profile does not match the package's inputs, or is malformed.</exception>
    public DriftMonitor Create(ModelPackage package) => new(DriftReference.Create(package, _options.Value), _time, _logger);
}
