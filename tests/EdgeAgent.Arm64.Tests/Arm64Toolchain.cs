using System.Diagnostics;

namespace EdgeAgent.Arm64.Tests;

/// <summary>The host tools that build and emulate the aarch64 harness, and why they cannot be used, if so.</summary>
internal static class Arm64Toolchain
{
    public const string QemuName = "qemu-aarch64-static";
    public const string CompilerName = "aarch64-linux-gnu-gcc";
    public const string Sysroot = "/usr/aarch64-linux-gnu";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    public static string Qemu => Find(QemuName) ?? throw new InvalidOperationException(QemuName + " is not on PATH.");

    public static string Compiler => Find(CompilerName) ?? throw new InvalidOperationException(CompilerName + " is not on PATH.");

    public static string Unshare => Find("unshare") ?? throw new InvalidOperationException("unshare is not on PATH.");

    /// <summary>Null when everything is there; otherwise the reason to skip, naming what is missing.</summary>
    public static string? MissingReason => Missing.Value;

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the qemu-aarch64 checks need a Linux host";
        }

        var missing = new List<string>();
        foreach (string tool in new[] { QemuName, CompilerName, "unshare", "mount" })
        {
            if (Find(tool) is null)
            {
                missing.Add($"{tool} (not on PATH)");
            }
        }

        if (!File.Exists(Path.Combine(Sysroot, "lib", "ld-linux-aarch64.so.1")) || !File.Exists(Path.Combine(Sysroot, "lib", "libstdc++.so.6")))
        {
            missing.Add($"the arm64 sysroot {Sysroot} (libc6-arm64-cross, libstdc++6-arm64-cross)");
        }
        else if (Find("unshare") is not null && !CanUnshareMounts())
        {
            missing.Add("permission to make a mount namespace (`unshare -m true` failed; needs root or CAP_SYS_ADMIN)");
        }

        return missing.Count == 0 ? null : "Missing for the qemu-aarch64 run: " + string.Join(", ", missing);
    }

    private static bool CanUnshareMounts()
    {
        using var probe = Process.Start(new ProcessStartInfo(Find("unshare")!, ["-m", "true"]) { RedirectStandardError = true })!;
        if (!probe.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            probe.Kill(entireProcessTree: true);
            return false;
        }

        return probe.ExitCode == 0;
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A theory that xunit reports as skipped, with the reason, where the aarch64 toolchain or qemu is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QemuArm64TheoryAttribute : TheoryAttribute
{
    public QemuArm64TheoryAttribute()
    {
        if (Arm64Toolchain.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
