using EdgeAgent.Devices.I2c;

namespace EdgeAgent.Devices.Tests.I2c;

public class SimulatedI2cDeviceTests
{
    [Fact]
    public void Write_PointerThenData_StoresFromPointerAndAutoIncrements()
    {
        using var device = new SimulatedI2cDevice(0x53);

        device.Write([0x31, 0xAA, 0xBB]);

        Assert.Equal(0xAA, device.GetRegister(0x31));
        Assert.Equal(0xBB, device.GetRegister(0x32));
        Assert.Equal(0x33, device.RegisterPointer);
        Assert.Equal([[0x31, 0xAA, 0xBB]], device.Writes);
    }

    [Fact]
    public void WriteRead_RegisterPointer_ReadsConsecutiveRegisters()
    {
        using var device = new SimulatedI2cDevice(0x53);
        device.SetRegisters(0x32, 1, 2, 3, 4, 5);
        var buffer = new byte[3];

        device.WriteRead([0x33], buffer);

        Assert.Equal([2, 3, 4], buffer);
        Assert.Equal(0x36, device.RegisterPointer);
        Assert.Equal(5, device.ReadByte());
    }

    [Fact]
    public void Read_PastLastRegister_WrapsToZero()
    {
        using var device = new SimulatedI2cDevice(0x10);
        device.SetRegisters(0xFF, 7);
        device.SetRegisters(0x00, 9);
        device.WriteByte(0xFF);

        var buffer = new byte[2];
        device.Read(buffer);

        Assert.Equal([7, 9], buffer);
    }

    [Fact]
    public void Write_NotAcknowledging_ThrowsI2cException()
    {
        using var device = new SimulatedI2cDevice(0x48) { Acknowledges = false };

        var ex = Assert.Throws<I2cException>(() => device.Write([0x01]));

        Assert.Contains("address 0x48", ex.Message, StringComparison.Ordinal);
        Assert.Empty(device.Writes);
    }
}
