namespace EdgeAgent.Arm64.Tests;

public sealed class ElfFileTests
{
    [Fact]
    public void Read_X64OnnxRuntime_ReportsX86_64Machine()
    {
        ElfFile elf = ElfFile.Read(RepoPaths.OnnxRuntimeLibrary("linux-x64"));

        Assert.Equal(ElfFile.Class64, elf.Class);
        Assert.Equal(ElfFile.MachineX86_64, elf.Machine);
        Assert.Equal("libonnxruntime.so.1", elf.SoName);
    }

    [Fact]
    public void Read_Arm64OnnxRuntime_ReportsAArch64Machine()
    {
        ElfFile elf = ElfFile.Read(RepoPaths.OnnxRuntimeLibrary("linux-arm64"));

        Assert.Equal(ElfFile.MachineAArch64, elf.Machine);
    }

    [Fact]
    public void Read_ManagedAssembly_ThrowsInvalidData()
    {
        string assembly = typeof(ElfFileTests).Assembly.Location;

        Assert.False(ElfFile.IsElf(assembly));
        Assert.Throws<InvalidDataException>(() => ElfFile.Read(assembly));
    }

    [Fact]
    public void Read_ExecutableWithoutSoname_ReturnsNullSoName()
    {
        // An executable has a dynamic section but, unlike a shared library, no DT_SONAME.
        ElfFile elf = ElfFile.Read("/bin/sh");

        Assert.Null(elf.SoName);
    }
}
