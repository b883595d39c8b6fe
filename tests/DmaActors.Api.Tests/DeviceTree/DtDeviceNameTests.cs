using DmaActors.DeviceTree;

namespace DmaActors.Api.Tests.DeviceTree;

/// <summary>
/// Device names as the kernel makes them (of_device_make_bus_id over of_translate_address;
/// issue 12, Deliver 2): the first reg address carried up through every ranges, then ".name".
/// </summary>
public sealed class DtDeviceNameTests
{
    [Theory]
    [InlineData("/ocp/interconnect@44c00000/segment@200000/target-module@9000/serial@0", "44e09000.serial")]
    [InlineData("/ocp/interconnect@44c00000/segment@200000/target-module@9000", "44e09050.target-module")]
    [InlineData("/ocp/interconnect@44c00000/segment@200000/target-module@10000/scm@0/dma-router@f90", "44e10f90.dma-router")]
    [InlineData("/ocp/interconnect@48000000/segment@0/target-module@30000/spi@0", "48030000.spi")]
    [InlineData("/ocp/interconnect@48000000/segment@0/target-module@60000/mmc@0", "48060000.mmc")]
    [InlineData("/ocp/interconnect@48000000/segment@100000/target-module@d8000/mmc@0", "481d8000.mmc")]
    [InlineData("/ocp/interconnect@48000000/segment@100000/target-module@a6000/serial@0", "481a6000.serial")]
    [InlineData("/ocp/target-module@49000000/dma@0", "49000000.dma")]
    [InlineData("/ocp/target-module@49800000/dma@0", "49800000.dma")]
    [InlineData("/ocp/dma-controller@50000000", "50000000.dma-controller")]
    [InlineData("/ocp", "ocp")]
    public void Ti_sysc_target_modules_and_nested_ranges_give_the_kernels_names(string path, string expected)
    {
        Cpp.Require();
        var tree = TestBoards.Load("sysc/testsoc-board.dts");
        Assert.Equal(expected, DtDeviceName.Of(tree.FindByPath(path)!));
    }

    [Fact]
    public void Every_device_of_the_test_soc_has_its_own_name()
    {
        Cpp.Require();
        var tree = TestBoards.Load("sysc/testsoc-board.dts");
        var names = tree.Nodes.Where(n => n.Property("compatible") is not null && n.Parent is not null).Select(DtDeviceName.Of).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_bus_address_is_carried_to_the_cpu_address_as_on_a_raspberry_pi()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                soc {
                    compatible = "simple-bus";
                    #address-cells = <1>; #size-cells = <1>;
                    ranges = <0x7e000000 0x20000000 0x02000000>;
                    mmc@7e202000 { compatible = "brcm,bcm2835-sdhost"; reg = <0x7e202000 0x100>; };
                };
            };
            """);
        Assert.Equal("20202000.mmc", DtDeviceName.Of(tree.FindByPath("/soc/mmc@7e202000")!));
    }

    [Fact]
    public void Two_cell_addresses_translate_through_two_cell_ranges()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <2>; #size-cells = <2>;
                bus@f0000000 {
                    #address-cells = <1>; #size-cells = <1>;
                    ranges = <0x0 0x1 0x20000000 0x1000000>;
                    dma-controller@4000 { reg = <0x4000 0x1000>; };
                };
            };
            """);
        Assert.Equal("120004000.dma-controller", DtDeviceName.Of(tree.FindByPath("/bus@f0000000/dma-controller@4000")!));
    }

    [Fact]
    public void Without_ranges_above_it_a_node_takes_the_kernels_fallback_name()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                soc {
                    #address-cells = <1>; #size-cells = <1>;
                    serial@100 { reg = <0x100 0x10>; };
                    spi { };
                };
                i2c@4000 {
                    reg = <0x4000 0x100>;
                    #address-cells = <1>; #size-cells = <0>;
                    ranges;
                    codec@1a { reg = <0x1a>; };
                };
            };
            """);
        // No ranges on soc: "serial@100" cannot be translated, so it is named by its path up to a translatable node.
        Assert.Equal("soc:serial@100", DtDeviceName.Of(tree.FindByPath("/soc/serial@100")!));
        Assert.Equal("soc:spi", DtDeviceName.Of(tree.FindByPath("/soc/spi")!));
        // #size-cells = <0> (an I2C bus): not a memory address; named after its translatable parent.
        Assert.Equal("4000.i2c:codec@1a", DtDeviceName.Of(tree.FindByPath("/i2c@4000/codec@1a")!));
    }

    [Fact]
    public void An_address_outside_every_range_is_not_translated()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                bus@1000000 {
                    #address-cells = <1>; #size-cells = <1>;
                    ranges = <0x0 0x1000000 0x1000>;
                    uart@2000 { reg = <0x2000 0x100>; };
                };
            };
            """);
        Assert.Null(DtAddress.RegAddress(tree.FindByPath("/bus@1000000/uart@2000")!));
        Assert.Equal("bus@1000000:uart@2000", DtDeviceName.Of(tree.FindByPath("/bus@1000000/uart@2000")!));
    }
}
