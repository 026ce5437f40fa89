namespace EdgeAgent.Arm64.Tests;

/// <summary>A linux-arm64 publish carries the aarch64 ONNX Runtime, loadable by its soname, and nothing built for x86-64.</summary>
public sealed class PublishArm64Tests(PublishedAgent agent) : IClassFixture<PublishedAgent>
{
    [Fact]
    public void PublishLinuxArm64_OnnxRuntimeLibrary_IsAArch64WithVersionedSoname()
    {
        string library = Path.Combine(agent.Directory, "runtimes", "linux-arm64", "native", "libonnxruntime.so");
        Assert.True(File.Exists(library), $"{library} is missing from the publish output.");

        ElfFile elf = ElfFile.Read(library);

        Assert.Equal(ElfFile.Class64, elf.Class);
        Assert.Equal(ElfFile.MachineAArch64, elf.Machine);
        Assert.Equal("libonnxruntime.so.1", elf.SoName);
    }

    [Fact]
    public void PublishLinuxArm64_Output_HoldsNoX86_64Library()
    {
        string[] x64Libraries = System.IO.Directory.EnumerateFiles(agent.Directory, "*", SearchOption.AllDirectories)
            .Where(ElfFile.IsElf)
            .Where(path => ElfFile.Read(path).Machine == ElfFile.MachineX86_64)
            .Select(path => Path.GetRelativePath(agent.Directory, path))
            .ToArray();

        Assert.Empty(x64Libraries);
    }
}
