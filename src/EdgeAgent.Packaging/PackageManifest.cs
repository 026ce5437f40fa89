namespace EdgeAgent.Packaging;

/// <summary>
/// <c>manifest.json</c> of a model package: what the model is, what it takes and gives, the features a
/// device must compute to feed it, and when its outputs should raise alerts.
/// </summary>
public sealed record PackageManifest
{
    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The package format version this manifest follows.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The model's name, for example <c>fd001-rul</c>: lower case letters, digits, '-', '_' and '.'.</summary>
    public required string Name { get; init; }

    /// <summary>The model version, <c>major.minor.patch</c>; updates never go down.</summary>
    public required string Version { get; init; }

    /// <summary><c>rul</c> (remaining useful life) or <c>anomaly</c>.</summary>
    public required string Task { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The tool that made the package.</summary>
    public string CreatedBy { get; init; } = "edgeagent-kit";

    public required PackageModelFile Model { get; init; }

    public required IReadOnlyList<PackageTensor> Inputs { get; init; }

    public required IReadOnlyList<PackageTensor> Outputs { get; init; }

    public required FeatureSpec Features { get; init; }

    public IReadOnlyList<AlertThreshold> Alerts { get; init; } = [];

    /// <summary>Figures measured when the package was made (RMSE, ROC AUC...), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public const string FormatName = "edgeagent-model-package";

    public const int CurrentFormatVersion = 1;
}

/// <summary>The model file inside the package.</summary>
/// <param name="File">Entry name, <c>model.onnx</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the model bytes.</param>
/// <param name="Bytes">Length of the model.</param>
/// <param name="Precision"><c>float32</c> or <c>int8-qdq</c>.</param>
public sealed record PackageModelFile(string File, string Sha256, long Bytes, string Precision);

/// <summary>A model input or output with its meaning and units.</summary>
/// <param name="Name">The tensor name in the model.</param>
/// <param name="ElementType">ONNX element type, for example <c>float32</c>.</param>
/// <param name="Shape">Dimensions: a number, or a symbol for a dynamic one (<c>batch</c>).</param>
/// <param name="Meaning">What the values are.</param>
/// <param name="Units">Their units, or <c>1</c> for dimensionless.</param>
public sealed record PackageTensor(string Name, string ElementType, IReadOnlyList<string> Shape, string Meaning, string Units);

/// <summary>When an output raises an alert, and why that threshold.</summary>
/// <param name="Output">The output name.</param>
/// <param name="Direction"><c>above</c> or <c>below</c>.</param>
/// <param name="Threshold">The value that raises the alert.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="Rationale">How the threshold was chosen.</param>
public sealed record AlertThreshold(string Output, string Direction, double Threshold, string Severity, string Rationale);
