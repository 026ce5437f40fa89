using EdgeAgent.TestKit;

namespace EdgeAgent.Drift.Tests.Support;

/// <summary>A fact that runs only where a data set in ../shared exists; elsewhere it is reported as skipped.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] parts)
    {
        try
        {
            _ = SharedAssets.Data(parts);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
        {
            Skip = $"Needs shared data: {ex.Message}";
        }
    }
}
