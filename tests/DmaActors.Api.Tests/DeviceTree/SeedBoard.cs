namespace DmaActors.Api.Tests.DeviceTree;

/// <summary>The seed's BeagleBone (am335x) EDMA controller and SPI consumer nodes, pasted into a board file.</summary>
internal static class SeedBoard
{
    public const string Dts = """
        /dts-v1/;

        / {
            model = "TI AM335x BeagleBone Black";
            compatible = "ti,am335x-bone-black", "ti,am33xx";
            #address-cells = <1>;
            #size-cells = <1>;

            ocp {
                compatible = "simple-bus";
                ranges;

                dma1: edma@49000000 {
                    compatible = "ti,edma3-tpcc";
                    ti,hwmods = "tpcc";
                    reg = <0x49000000 0x10000>;
                    reg-names = "edma3_cc";
                    interrupts = <0xc 0xd 0xe>;
                    interrupt-names = "edma3_ccint", "edma3_mperr", "edma3_ccerrint";
                    dma-requests = <0x40>;
                    #dma-cells = <0x2>;
                    ti,tptcs = <0x2e 0x7 0x2f 0x5 0x30 0x0>;
                    ti,edma-memcpy-channels = <0x14 0x15>;
                    phandle = <0x2d>;
                };

                spi0: spi@48030000 {
                    compatible = "ti,omap4-mcspi";
                    reg = <0x48030000 0x400>;
                    dmas = <&dma1 0x10 0x0 &dma1 0x11 0x0 &dma1 0x12 0x0 &dma1 0x13 0x0>;
                    dma-names = "tx0", "rx0", "tx1", "rx1";
                    status = "okay";
                };
            };
        };
        """;
}
