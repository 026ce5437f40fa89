namespace EdgeAgent.Sensing.Tests.Support;

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
            Set(number, file, content);
        }

        return path;
    }

    /// <summary>Writes one attribute file of device <paramref name="number"/>, as the kernel would update it.</summary>
    public void Set(int number, string file, string content) =>
        File.WriteAllText(Path.Combine(Root, $"iio:device{number}", file), content + "\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
