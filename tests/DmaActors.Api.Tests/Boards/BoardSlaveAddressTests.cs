using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Boards;

/// <summary>
/// Each board peripheral's FIFO register address comes from its <c>reg</c> and its driver's
/// register offset, and slave descriptors on its line are checked against it (DA-1, DA-2).
/// </summary>
public sealed class BoardSlaveAddressTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private SimulatedBoard Demo() => BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "demo.dts"));

    private static ulong? Fifo(SimulatedBoard board, string devName, string channel) =>
        board.Peripherals.Single(p => p.DevName == devName && p.ChannelName == channel).FifoAddress;

    [Fact]
    public void The_beaglebone_peripherals_fifo_registers_are_their_drivers_DA1()
    {
        var board = Demo();

        // spi-omap2-mcspi.c: base + 0x100 (omap4 regs_offset) + OMAP2_MCSPI_TX0 0x38 / RX0 0x3c.
        Assert.Equal(0x4803_0138UL, Fifo(board, "48030000.spi", "tx0"));
        Assert.Equal(0x4803_013CUL, Fifo(board, "48030000.spi", "rx0"));
        // 8250: UART_RX = UART_TX = 0.
        Assert.Equal(0x44E0_9000UL, Fifo(board, "44e09000.serial", "rx"));
        // omap_hsmmc.c: base + 0x100 + OMAP_HSMMC_DATA 0x120.
        Assert.Equal(0x4806_0220UL, Fifo(board, "48060000.mmc", "rx"));
        // davinci-mcasp.c: the "dat" region, which this node does not name: unknown, not checked.
        Assert.Null(Fifo(board, "48038000.mcasp", "tx"));
    }

    [Fact]
    public void Other_vendors_fifo_registers_use_their_offsets_and_bus_addresses_DA1()
    {
        var tree = TestBoards.Load("pl08x/vendors.dts");
        ulong? At(string path, string channel) => PeripheralFifos.AddressOf(tree.FindByPath(path)!, channel);

        Assert.Equal(0x1380_0024UL, At("/soc/serial@13800000", "rx")); // S3C2410_URXH
        Assert.Equal(0x1380_0020UL, At("/soc/serial@13800000", "tx")); // S3C2410_UTXH
        Assert.Equal(0x0202_0040UL, At("/soc/serial@2020000", "tx"));  // URTX0
        Assert.Equal(0x0200_8004UL, At("/soc/spi@2008000", "tx"));     // MXC_CSPITXDATA
        Assert.Equal(0x7E20_2040UL, At("/soc/mmc@7e202000", "rx-tx")); // SDDATA
        Assert.Equal(0x7E20_3004UL, At("/soc/i2s@7e203000", "tx"));    // BCM2835_I2S_FIFO_A_REG
    }

    [Fact]
    public void A_uart_driver_on_the_board_that_forgot_src_addr_gets_read_failed_and_with_the_fifo_address_its_data_DA1_DA2()
    {
        var board = Demo();
        var uart = board.Peripherals.Single(p => p.DevName == "44e09000.serial" && p.ChannelName == "rx");
        var chan = board.Engine.RequestChan("44e09000.serial", "rx");
        ulong buffer = 0x8100_0000;

        DmaengineResult Receive(ulong srcAddr, int offset)
        {
            chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = srcAddr, SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });
            DmaengineResult? result = null;
            var desc = chan.PrepSlaveSingle(buffer + (ulong)offset, 32, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt)!;
            desc.CallbackResult = (_, r) => result = r;
            desc.Submit();
            chan.IssuePending();
            RunUntil(() => result is not null, Runtime.Time.Duration.FromSeconds(1));
            return result!.Value;
        }

        uart.Device!.Tell(new StartDevice());
        Assert.Equal(DmaengineTxResult.ReadFailed, Receive(0, 0).Result);
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), Receive(uart.FifoAddress!.Value, 64));
        var received = new byte[32];
        board.Engine.Memory.Read(buffer + 64, received);
        Assert.Equal(uart.Pattern.Bytes(0, 32), received);
    }
}
