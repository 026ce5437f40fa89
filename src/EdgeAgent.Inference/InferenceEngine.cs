using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

/// <summary>
/// A loaded ONNX model. <c>Run</c> validates inputs and returns copied outputs (thread-safe);
/// <see cref="CreateRunner"/> gives a runner with fixed, reused buffers for the steady-state path.
/// </summary>
public sealed partial class InferenceEngine : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _outputNames;
    private bool _disposed;

    private InferenceEngine(InferenceSession session, string source, IReadOnlyList<ExecutionProviderChoice> providers, InferenceEngineOptions options, ILogger logger)
    {
        _session = session;
        Source = source;
        ProviderChoices = providers;
        Options = options;
        Logger = logger;
        Model = Describe(session, source);
        _outputNames = [.. Model.Outputs.Select(o => o.Name)];
        RecurrentState = RecurrentStateMap.Find(Model, options.RecurrentState);
        foreach (var pair in RecurrentState)
        {
            Log.RecurrentStatePaired(logger, pair.Output, pair.Input);
        }
    }

    /// <summary>Where the model came from (a path, or a name given with bytes).</summary>
    public string Source { get; }

    /// <summary>The model's inputs, outputs and metadata.</summary>
    public ModelDescription Model { get; }

    /// <summary>What became of each preferred execution provider, in order.</summary>
    public IReadOnlyList<ExecutionProviderChoice> ProviderChoices { get; }

    /// <summary>The execution providers the session uses, in priority order (CPU last).</summary>
    public IReadOnlyList<string> ExecutionProviders => [.. ProviderChoices.Where(c => c.Enabled).Select(c => c.Provider)];

    /// <summary>The recurrent state pairs a runner carries between calls.</summary>
    public IReadOnlyList<RecurrentStatePair> RecurrentState { get; }

    /// <summary>The ONNX Runtime version of the native library.</summary>
    public static string RuntimeVersion => RuntimeEnvironment.Instance.GetVersionString();

    /// <summary>The execution providers the native library was built with.</summary>
    public static IReadOnlyList<string> AvailableProviders => ExecutionProviderSelector.Available;

    internal InferenceSession Session => _session;

    internal InferenceEngineOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="ModelLoadException">The file is missing, empty, corrupt, truncated or not a supported ONNX model.</exception>
    public static InferenceEngine Load(string path, InferenceEngineOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        logger ??= NullLogger.Instance;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw Fail(logger, path, "the file does not exist");
        }

        if (file.Length == 0)
        {
            throw Fail(logger, path, "the file is empty");
        }

        return Create(path, options, logger, so => new InferenceSession(path, so));
    }

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <exception cref="ModelLoadException">The bytes are not a valid, supported ONNX model.</exception>
    public static InferenceEngine Load(byte[] model, InferenceEngineOptions? options = null, ILogger? logger = null, string source = "model bytes")
    {
        ArgumentNullException.ThrowIfNull(model);
        logger ??= NullLogger.Instance;
        if (model.Length == 0)
        {
            throw Fail(logger, source, "no bytes were given");
        }

        return Create(source, options, logger, so => new InferenceSession(model, so));
    }

    /// <summary>Validates the inputs, runs the model and returns every output copied into arrays.</summary>
    /// <exception cref="InferenceInputException">An input is missing, unknown, or has the wrong element type or shape.</exception>
    public InferenceResult Run(IReadOnlyList<InferenceInput> inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InferenceInput[] ordered = InputValidator.Validate(Model, inputs);
        var values = new List<OrtValue>(ordered.Length);
        try
        {
            foreach (InferenceInput input in ordered)
            {
                values.Add(TensorValues.Wrap(input.Data, input.ElementType, [.. input.Shape]));
            }

            string[] inputNames = [.. ordered.Select(i => i.Name)];
            using IDisposableReadOnlyCollection<OrtValue> results = _session.Run(_runOptions, inputNames, values, _outputNames);
            var outputs = new InferenceOutput[_outputNames.Length];
            int k = 0;
            foreach (OrtValue value in results)
            {
                outputs[k] = TensorValues.CopyOut(_outputNames[k], value);
                k++;
            }

            return new InferenceResult(outputs);
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Validates and runs the model on the given inputs.</summary>
    public InferenceResult Run(params InferenceInput[] inputs) => Run((IReadOnlyList<InferenceInput>)inputs);

    /// <summary>
    /// Creates a runner with buffers of fixed shapes, reused on every call. Dynamic dimensions are
    /// sized by <paramref name="dimensions"/>: by symbol (<c>batch_size</c>) or, for an unnamed one,
    /// by <c>input:axis</c> (<c>x:0</c>). Not thread-safe: one runner per thread.
    /// </summary>
    public InferenceRunner CreateRunner(IReadOnlyDictionary<string, long>? dimensions = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new InferenceRunner(this, dimensions ?? new Dictionary<string, long>());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static InferenceEngine Create(string source, InferenceEngineOptions? options, ILogger logger, Func<SessionOptions, InferenceSession> open)
    {
        options ??= new InferenceEngineOptions();
        _ = RuntimeEnvironment.Instance;
        ValidateOptionsResult check = new InferenceEngineOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw new OptionsValidationException(InferenceEngineOptions.SectionName, typeof(InferenceEngineOptions), check.Failures);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        List<ExecutionProviderChoice> providers = ExecutionProviderSelector.Apply(sessionOptions, options.ExecutionProviders ?? [], logger);
        InferenceSession session;
        try
        {
            session = open(sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Fail(logger, source, $"{ex.Message} (is it a complete ONNX model file?)", ex);
        }

        try
        {
            var engine = new InferenceEngine(session, source, providers, options, logger);
            Log.ModelLoaded(logger, source, engine.Model.Inputs.Count, engine.Model.Outputs.Count, string.Join(", ", engine.ExecutionProviders));
            return engine;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static ModelLoadException Fail(ILogger logger, string source, string reason, Exception? inner = null)
    {
        Log.ModelLoadFailed(logger, source, reason);
        string message = $"Model {source} could not be loaded: {reason}";
        return inner is null ? new ModelLoadException(message) : new ModelLoadException(message, inner);
    }
}
