using System.Globalization;
using System.Text;
using EdgeAgent.Onnx.Tensors;
using EdgeAgent.TestKit;

namespace EdgeAgent.Arm64.Tests;

/// <summary>One output tensor as harness/ort_run.c wrote it.</summary>
public sealed record HarnessOutput(string Name, int ElementType, long[] Shape, byte[] Data);

/// <summary>
/// Builds harness/ort_run.c for aarch64 against the arm64 ONNX Runtime once per test class and runs it
/// under qemu-aarch64, inside a mount namespace that shows ONNX Runtime an aarch64 /proc/cpuinfo.
/// </summary>
public sealed class OrtHarness : IAsyncLifetime
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private readonly string work = Directory.CreateTempSubdirectory("edgeagent-arm64-").FullName;
    private int runs;

    private string Executable => Path.Combine(work, "ort_run");

    private string CpuInfo => Path.Combine(work, "cpuinfo");

    public async Task InitializeAsync()
    {
        if (Arm64Toolchain.MissingReason is not null)
        {
            return; // the tests are skipped; nothing to build
        }

        ProcessResult compiled = await ProcessRunner.RunAsync(
            Arm64Toolchain.Compiler,
            ["-std=c11", "-O1", "-Wall", "-Wextra", "-I", RepoPaths.OnnxRuntimeInclude, "-o", Executable, RepoPaths.HarnessSource,
             "-L", Path.GetDirectoryName(RepoPaths.OnnxRuntimeLibrary("linux-arm64"))!, "-lonnxruntime"],
            CompileTimeout);
        Assert.True(compiled.ExitCode == 0, "Compiling the aarch64 harness failed: " + compiled.Describe());

        // The harness needs the library by its soname, libonnxruntime.so.1.
        File.CreateSymbolicLink(Path.Combine(work, "libonnxruntime.so.1"), RepoPaths.OnnxRuntimeLibrary("linux-arm64"));
        await File.WriteAllTextAsync(CpuInfo, FakeAarch64CpuInfo(Environment.ProcessorCount));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the model on the given inputs under qemu and returns its outputs in model order.</summary>
    public async Task<IReadOnlyList<HarnessOutput>> RunAsync(string modelPath, IReadOnlyList<ConformanceTensor> inputs)
    {
        string runDir = Directory.CreateDirectory(Path.Combine(work, "run-" + Interlocked.Increment(ref runs).ToString(CultureInfo.InvariantCulture))).FullName;
        var arguments = new List<string>
        {
            "-m", "sh", "-c", "mount --bind \"$0\" /proc/cpuinfo && exec \"$@\"", CpuInfo,
            Arm64Toolchain.Qemu, "-L", Arm64Toolchain.Sysroot, "-E", "LD_LIBRARY_PATH=" + work,
            Executable, modelPath, runDir,
        };
        for (int i = 0; i < inputs.Count; i++)
        {
            ConformanceTensor input = inputs[i];
            string file = Path.Combine(runDir, $"input_{i}.bin");
            await File.WriteAllBytesAsync(file, RawBytes(input.Data));
            arguments.AddRange([input.Name, ElementType(input.Data).ToString(CultureInfo.InvariantCulture), FormatShape(input.Shape), file]);
        }

        ProcessResult run = await ProcessRunner.RunAsync(Arm64Toolchain.Unshare, arguments, RunTimeout);
        Assert.True(run.ExitCode == 0, "The aarch64 harness failed under qemu: " + run.Describe());

        var outputs = new List<HarnessOutput>();
        for (int i = 0; File.Exists(Path.Combine(runDir, $"output_{i}.txt")); i++)
        {
            string[] meta = await File.ReadAllLinesAsync(Path.Combine(runDir, $"output_{i}.txt"));
            long[] shape = meta[2] == "scalar" ? [] : [.. meta[2].Split(',').Select(d => long.Parse(d, CultureInfo.InvariantCulture))];
            byte[] data = await File.ReadAllBytesAsync(Path.Combine(runDir, $"output_{i}.bin"));
            outputs.Add(new HarnessOutput(meta[0], int.Parse(meta[1], CultureInfo.InvariantCulture), shape, data));
        }

        return outputs;
    }

    public static int ElementType(Array data) => OnnxDataType.Of(data.GetType().GetElementType()!);

    public static byte[] RawBytes(Array data)
    {
        var bytes = new byte[Buffer.ByteLength(data)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static string FormatShape(long[] shape) =>
        shape.Length == 0 ? "scalar" : string.Join(',', shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    // A Cortex-A76-like (Neoverse N1) entry per host processor, as the aarch64 kernel writes it.
    private static string FakeAarch64CpuInfo(int processors)
    {
        var text = new StringBuilder();
        for (int i = 0; i < processors; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"processor\t: {i}\n")
                .Append("BogoMIPS\t: 50.00\n")
                .Append("Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp\n")
                .Append("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n\n");
        }

        return text.ToString();
    }
}
