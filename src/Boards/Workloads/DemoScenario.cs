namespace DmaActors.Boards.Workloads;

/// <summary>
/// The built-in default: the seed's BeagleBone Black (TI AM335x) with its EDMA3 controller, and
/// SPI, UART, MMC and McASP audio consumers wired as in am33xx.dtsi, under a mixed load with a
/// bulk memcpy competing for the EDMA.
/// </summary>
public static class DemoScenario
{
    /// <summary>The board, as device-tree source.</summary>
    public const string BoardDts = """
        /dts-v1/;

        / {
            model = "TI AM335x BeagleBone Black";
            compatible = "ti,am335x-bone-black", "ti,am33xx";
            #address-cells = <1>;
            #size-cells = <1>;

            memory@80000000 {
                device_type = "memory";
                reg = <0x80000000 0x20000000>;
            };

            ocp {
                compatible = "simple-bus";
                ranges;

                edma: edma@49000000 {
                    compatible = "ti,edma3-tpcc";
                    reg = <0x49000000 0x10000>;
                    interrupts = <12 13 14>;
                    interrupt-names = "edma3_ccint", "edma3_mperr", "edma3_ccerrint";
                    dma-requests = <64>;
                    #dma-cells = <2>;
                    ti,edma-memcpy-channels = <20 21>;
                };

                spi0: spi@48030000 {
                    compatible = "ti,omap4-mcspi";
                    reg = <0x48030000 0x400>;
                    dmas = <&edma 16 0>, <&edma 17 0>;
                    dma-names = "tx0", "rx0";
                };

                uart0: serial@44e09000 {
                    compatible = "ti,am3352-uart", "ti,omap3-uart";
                    reg = <0x44e09000 0x2000>;
                    dmas = <&edma 26 0>, <&edma 27 0>;
                    dma-names = "tx", "rx";
                };

                mmc1: mmc@48060000 {
                    compatible = "ti,omap4-hsmmc";
                    reg = <0x48060000 0x1000>;
                    dmas = <&edma 24 0>, <&edma 25 0>;
                    dma-names = "tx", "rx";
                };

                mcasp0: mcasp@48038000 {
                    compatible = "ti,am33xx-mcasp-audio";
                    reg = <0x48038000 0x2000>;
                    dmas = <&edma 8 2>, <&edma 9 2>;
                    dma-names = "tx", "rx";
                };
            };
        };
        """;

    /// <summary>The mixed load: SPI full duplex, UART receive, MMC reads, audio playback and a bulk memcpy.</summary>
    public static Workload Workload { get; } = new()
    {
        RunMilliseconds = 50,
        Streams =
        [
            new WorkloadStream { Name = "spi0 tx", Consumer = "48030000.spi", Channel = "tx0", Kind = StreamKind.Slave, Bytes = 256 },
            new WorkloadStream { Name = "spi0 rx", Consumer = "48030000.spi", Channel = "rx0", Kind = StreamKind.Slave, Bytes = 256 },
            new WorkloadStream { Name = "uart0 rx", Consumer = "44e09000.serial", Channel = "rx", Kind = StreamKind.Slave, Bytes = 16 },
            new WorkloadStream { Name = "mmc1 read", Consumer = "48060000.mmc", Channel = "rx", Kind = StreamKind.Slave, Bytes = 512 },
            new WorkloadStream { Name = "mcasp0 playback", Consumer = "48038000.mcasp", Channel = "tx", Kind = StreamKind.Cyclic, Bytes = 4096, PeriodBytes = 256 },
            new WorkloadStream { Name = "bulk memcpy", Controller = "49000000.edma", Kind = StreamKind.Memcpy, Bytes = 4096, QueueDepth = 1 },
        ],
    };
}
