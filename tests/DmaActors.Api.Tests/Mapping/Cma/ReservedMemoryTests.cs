using DmaActors.Actors.Memory;
using DmaActors.DeviceTree;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Api.Tests.Mapping.Cma;

/// <summary>CMA-4, CMA-5: reserved-memory shared-dma-pool nodes and memory-region phandles.</summary>
public sealed class ReservedMemoryTests
{
    private const ulong Mib = 1UL << 20;

    private const string Board = """
        /dts-v1/;
        / {
            #address-cells = <1>;
            #size-cells = <1>;
            reserved-memory {
                #address-cells = <1>;
                #size-cells = <1>;
                ranges;
                linux,cma {
                    compatible = "shared-dma-pool";
                    reusable;
                    size = <0x4000000>;
                    alignment = <0x400000>;
                    alloc-ranges = <0x90000000 0x1000000>, <0x80000000 0x10000000>;
                    linux,cma-default;
                };
                camera_pool: camera@98000000 {
                    compatible = "shared-dma-pool";
                    reusable;
                    reg = <0x98000000 0x2000000>;
                };
                ramoops@9f000000 {
                    compatible = "ramoops";
                    reg = <0x9f000000 0x100000>;
                };
            };
            camera@4a000000 {
                compatible = "vendor,csi2";
                memory-region = <&camera_pool>;
            };
            display@4b000000 {
                compatible = "vendor,dsi";
            };
        };
        """;

    private static Platform HighRam(PlatformOptions? options = null) => new(new PhysicalMemory(36, [new RamRegion(0x8000_0000, 512 * Mib)]), options);

    [Fact]
    public void Pools_are_created_the_default_one_in_its_alloc_ranges_and_a_device_gets_its_own_CMA_4_CMA_5()
    {
        var platform = HighRam();
        var tree = DtsParser.Parse(Board);
        var rmem = ReservedMemory.Setup(platform, tree);

        var camera = rmem.Areas["/reserved-memory/camera@98000000"];
        Assert.Equal(0x9800_0000UL, camera.Base.Value);
        Assert.Equal(32 * Mib, camera.Size);
        Assert.Equal("camera@98000000", camera.Name);
        // 64 MiB does not fit the first range (16 MiB), so the second one takes it, top-down.
        var def = rmem.Areas["/reserved-memory/linux,cma"];
        Assert.Same(platform.DefaultCmaArea, def);
        Assert.Equal(0x9000_0000UL - (64 * Mib), def.Base.Value);
        Assert.Equal(2, platform.CmaAreas.Count);
        Assert.Contains(rmem.Log, l => l.Contains("ramoops", StringComparison.Ordinal));

        var csi = new Device(platform, "4a000000.camera");
        Assert.Same(camera, rmem.DeviceInit(csi, tree.FindByPath("/camera@4a000000")!));
        Assert.Same(camera, csi.CmaArea);
        var dsi = new Device(platform, "4b000000.display");
        Assert.Null(rmem.DeviceInit(dsi, tree.FindByPath("/display@4b000000")!));
        Assert.Null(dsi.CmaArea);

        csi.AllocCoherent(Platform.PageSize, out var handle);
        Assert.InRange(handle.Value, 0x9800_0000UL, 0x99FF_FFFFUL);
    }

    [Fact]
    public void Cmdline_cma_bypasses_the_default_node_CMA_4()
    {
        var platform = HighRam(new PlatformOptions { Cma = CmaParameter.Parse("16M") });
        var rmem = ReservedMemory.Setup(platform, DtsParser.Parse(Board));
        Assert.False(rmem.Areas.ContainsKey("/reserved-memory/linux,cma"));
        Assert.Equal("reserved", platform.DefaultCmaArea!.Name);
        Assert.Contains("Reserved memory: bypass linux,cma node, using cmdline CMA params instead", rmem.Log);
    }

    [Theory]
    [InlineData("compatible = \"shared-dma-pool\"; reusable; reg = <0x98100000 0x2000000>;", "incorrect alignment of CMA region")]
    [InlineData("compatible = \"shared-dma-pool\"; reusable;", "neither 'reg' nor 'size'")]
    [InlineData("compatible = \"shared-dma-pool\"; reusable; size = <0x1000000>; alloc-ranges = <0x80000000>;", "alloc-ranges")]
    [InlineData("compatible = \"shared-dma-pool\"; reusable; size = <0x40000000>;", "ENOMEM")]
    public void Pools_the_kernel_rejects_throw_with_the_node_path_and_its_line_CMA_4(string body, string reason)
    {
        var tree = DtsParser.Parse($"/dts-v1/;\n/ {{\n#address-cells = <1>; #size-cells = <1>;\nreserved-memory {{\n#address-cells = <1>; #size-cells = <1>; ranges;\npool@98000000 {{ {body} }};\n}};\n}};\n", "board.dts");
        var e = Assert.Throws<DmaMappingException>(() => ReservedMemory.Setup(HighRam(), tree));
        Assert.Contains("/reserved-memory/pool@98000000 (board.dts:6:", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("CMA-", e.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reg = <0x98000000 0x2000000>;")]
    [InlineData("reusable; no-map; reg = <0x98000000 0x2000000>;")]
    public void A_pool_that_is_not_reusable_is_left_to_the_coherent_pool_code_CMA_4(string body)
    {
        var platform = HighRam();
        var tree = DtsParser.Parse($"/dts-v1/;\n/ {{\n#address-cells = <1>; #size-cells = <1>;\nreserved-memory {{\n#address-cells = <1>; #size-cells = <1>; ranges;\npool@98000000 {{ compatible = \"shared-dma-pool\"; {body} }};\n}};\n}};\n", "board.dts");
        var rmem = ReservedMemory.Setup(platform, tree);
        Assert.Empty(rmem.Areas);
        Assert.Empty(platform.CmaAreas);
        Assert.Contains(rmem.Log, l => l.Contains("/reserved-memory/pool@98000000 (board.dts:6:", StringComparison.Ordinal) && l.Contains("rmem_dma_setup", StringComparison.Ordinal));
    }

    [Fact]
    public void Reserved_memory_cells_must_match_the_root_CMA_4()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>; reserved-memory { #address-cells = <1>; #size-cells = <1>; ranges; }; };\n");
        Assert.Contains("__reserved_mem_check_root", Assert.Throws<DmaMappingException>(() => ReservedMemory.Setup(HighRam(), tree)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_region_that_is_not_a_CMA_pool_is_EINVAL_CMA_5()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>; reserved-memory { #address-cells = <1>; #size-cells = <1>; ranges; oops: ramoops@9f000000 { compatible = \"ramoops\"; reg = <0x9f000000 0x100000>; }; }; dev@0 { memory-region = <&oops>; }; };\n");
        var platform = HighRam();
        var rmem = ReservedMemory.Setup(platform, tree);
        var e = Assert.Throws<DmaMappingException>(() => rmem.DeviceInit(new Device(platform, "dev"), tree.FindByPath("/dev@0")!));
        Assert.Equal("CMA-5", e.Rule);
        Assert.Contains("/reserved-memory/ramoops@9f000000", e.Message, StringComparison.Ordinal);
    }
}
