using EdgeAgent.Features.Computation;
using EdgeAgent.Inference;
using EdgeAgent.Packaging;
using EdgeAgent.Sensing;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Models;

/// <summary>
/// A model package loaded for serving: the checked package, its inference engine and a batch-1 runner, and the
/// scalar outputs the decisions and the store read. Not thread-safe: one pipeline uses it.
/// </summary>
public sealed class ActiveModel : IDisposable
{
    private ActiveModel(ModelPackage package, InferenceEngine engine, InferenceRunner runner, IReadOnlyList<string> scalarOutputs, string scoreOutput)
    {
        Package = package;
        Engine = engine;
        Runner = runner;
        ScalarOutputs = scalarOutputs;
        ScoreOutput = scoreOutput;
        InputName = package.Manifest.Inputs[0].Name;
        Version = $"{package.Manifest.Name}@{package.Manifest.Version}";
    }

    public ModelPackage Package { get; }

    public PackageManifest Manifest => Package.Manifest;

    /// <summary><c>name@version</c>, as stored with each prediction.</summary>
    public string Version { get; }

    public InferenceEngine Engine { get; }

    public InferenceRunner Runner { get; }

    /// <summary>The model's one input: the feature values in the spec's order.</summary>
    public string InputName { get; }

    /// <summary>Outputs with one value per window (e.g. <c>score</c>, <c>rul</c>), in manifest order.</summary>
    public IReadOnlyList<string> ScalarOutputs { get; }

    /// <summary>The output stored as a prediction's score and drawn on the page: the first alert's output, else the first scalar output.</summary>
    public string ScoreOutput { get; }

    /// <summary>Reads, checks and loads a package.</summary>
    /// <exception cref="PackageException">The package is malformed or its parts disagree.</exception>
    /// <exception cref="ModelLoadException">ONNX Runtime refuses the model.</exception>
    /// <exception cref="ModelStartException">The package has no input or no scalar output to decide on.</exception>
    public static ActiveModel Load(string path, InferenceEngineOptions options, ILogger logger)
    {
        ModelPackage package = ModelPackage.Read(path);
        return Load(package, options, logger);
    }

    /// <inheritdoc cref="Load(string, InferenceEngineOptions, ILogger)"/>
    public static ActiveModel Load(ModelPackage package, InferenceEngineOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(package);
        PackageManifest manifest = package.Manifest;
        if (manifest.Inputs.Count != 1)
        {
            throw new ModelStartException(
                $"{package.Source}: the agent feeds one input of feature values; this package declares {manifest.Inputs.Count} ({string.Join(", ", manifest.Inputs.Select(i => i.Name))}).");
        }

        string[] scalars = [.. manifest.Outputs.Where(IsScalar).Select(o => o.Name)];
        if (scalars.Length == 0)
        {
            throw new ModelStartException(
                $"{package.Source}: no output has one value per window (shape [batch] or [batch, 1]); outputs: {string.Join(", ", manifest.Outputs.Select(o => $"{o.Name} [{string.Join(", ", o.Shape)}]"))}.");
        }

        string score = manifest.Alerts.Select(a => a.Output).FirstOrDefault(scalars.Contains) ?? scalars[0];
        InferenceEngine engine = InferenceEngine.Load(package.Model, options, logger, package.Source);
        try
        {
            var symbols = engine.Model.Inputs.Concat(engine.Model.Outputs)
                .SelectMany(t => t.Shape)
                .Where(d => d.IsDynamic && !string.IsNullOrEmpty(d.Symbol))
                .Select(d => d.Symbol!)
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(s => s, _ => 1L, StringComparer.Ordinal);
            InferenceRunner runner = engine.CreateRunner(symbols);
            return new ActiveModel(package, engine, runner, scalars, score);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Compiles the package's feature spec for a source's channels: every channel the spec reads must be there, and
    /// every feature must be one the agent computes.
    /// </summary>
    /// <exception cref="ModelStartException">A channel is missing or a feature cannot be computed; the message names it.</exception>
    public FeaturePlan CreatePlan(IReadOnlyList<SensorChannel> sourceChannels)
    {
        ArgumentNullException.ThrowIfNull(sourceChannels);
        string[] missing = [.. Manifest.Features.Channels.Select(c => c.Name).Where(n => !sourceChannels.Any(s => s.Name == n))];
        if (missing.Length > 0)
        {
            throw new ModelStartException(
                $"Model {Version} reads channel(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the sensor source does not deliver; it has {string.Join(", ", sourceChannels.Select(s => s.Name))}.");
        }

        var rates = sourceChannels.Where(c => c.SampleRate is not null).ToDictionary(c => c.Name, c => c.SampleRate!.Value, StringComparer.Ordinal);
        try
        {
            return FeaturePlan.Create(Manifest.Features, rates);
        }
        catch (FeatureSpecException ex)
        {
            throw new ModelStartException($"Model {Version} declares features this agent cannot compute: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        Runner.Dispose();
        Engine.Dispose();
    }

    private static bool IsScalar(PackageTensor tensor) =>
        tensor.Shape.Count == 1 || (tensor.Shape.Count == 2 && tensor.Shape[1] == "1");
}
