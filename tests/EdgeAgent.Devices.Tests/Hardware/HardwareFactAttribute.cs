namespace EdgeAgent.Devices.Tests.Hardware;

/// <summary>A fact that runs only where every device file it names exists; elsewhere it is reported as skipped.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HardwareFactAttribute : FactAttribute
{
    public HardwareFactAttribute(params string[] devicePaths)
    {
        DevicePaths = devicePaths;
        string[] missing = devicePaths.Where(path => !File.Exists(path)).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"Needs hardware: {string.Join(", ", missing)} not present.";
        }
    }

    public IReadOnlyList<string> DevicePaths { get; }
}
