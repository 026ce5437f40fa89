namespace EdgeAgent.Devices.Tests.Iio;

/// <summary>A temporary directory laid out like <c>/sys/bus/iio/devices</c>, deleted on dispose.</summary>
internal sealed class SysfsTree : IDisposable
{
    public SysfsTree() => Root = Directory.CreateTempSubdirectory("iio-sysfs-").FullName;

    public string Root { get; }

    /// <summary>Creates <c>iio:device{number}</c> with the given attribute files (name → content, written with a newline).</summary>
    public string AddDevice(int number, params (string File, string Content)[] files)
    {
        string path = Path.Combine(Root, $"iio:device{number}");
        Directory.CreateDirectory(path);
        foreach ((string file, string content) in files)
        {
            File.WriteAllText(Path.Combine(path, file), content + "\n");
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
