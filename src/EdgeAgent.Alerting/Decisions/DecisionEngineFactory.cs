using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Alerting.Decisions;

/// <summary>Makes the <see cref="DecisionEngine"/> for each model that becomes active, with the configured <see cref="DecisionOptions"/>.</summary>
public sealed class DecisionEngineFactory
{
    private readonly IOptions<DecisionOptions> _options;
    private readonly AlertBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger<DecisionEngine> _logger;

    public DecisionEngineFactory(IOptions<DecisionOptions> options, AlertBoard board, TimeProvider time, ILogger<DecisionEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _board = board;
        _time = time;
        _logger = logger;
    }

    /// <summary>The engine for a model whose scalar outputs, in the order the pipeline passes them, are <paramref name="outputNames"/>.</summary>
    /// <exception cref="AlertRuleException">The rules do not fit the model; the message names each problem.</exception>
    public DecisionEngine Create(PackageManifest manifest, IReadOnlyList<string> outputNames) =>
        new(AlertRules.Resolve(manifest, _options.Value), outputNames, _board, _time, _logger);
}
