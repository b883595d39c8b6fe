namespace DmaActors.DeviceTree.Tests;

/// <summary>dtc's errors that are no matter of any binding (issue 13): refused with the check's name, as dtc refuses them.</summary>
public sealed class DtsRulesTests
{
    [Theory]
    [InlineData("/ {\n  a: n { };\n  a: m { };\n};", 4, "label 'a' is on /n (at board.dts:3:3) and on /m: a label names one node or property (dtc: duplicate_label)")]
    [InlineData("/ {\n  n { };\n};\n/ {\n  a: x = <1>;\n  a: m { };\n};", 7, "(dtc: duplicate_label)")]
    [InlineData("/ { n { }; };\na: &{/n} { };\na: / { };", 4, "(dtc: duplicate_label)")]
    [InlineData("/ {\n  n { };\n  n { };\n};", 4, "node 'n' is defined twice in one body of / (dtc: duplicate_node_names)")]
    [InlineData("/ {\n  x = <1>;\n  x = <2>;\n};", 4, "property 'x' is set twice in one body of / (dtc: duplicate_property_names)")]
    [InlineData("/ {\n  n { };\n  x;\n};", 4, "properties must precede subnodes in /")]
    [InlineData("/ {\n  p { phandle = <1>; };\n  q { phandle = <1>; };\n};", 4, "/q: duplicated phandle 0x1 (seen before at /p) (dtc: explicit_phandles)")]
    [InlineData("/ {\n  p { phandle = <0>; };\n};", 3, "/p: bad value (0x0) in 'phandle'")]
    [InlineData("/ {\n  p { phandle = <0xffffffff>; };\n};", 3, "bad value (0xffffffff)")]
    [InlineData("/ {\n  p { phandle = \"x\"; };\n};", 3, "a phandle is one cell (dtc: explicit_phandles)")]
    [InlineData("/ {\n  p { phandle = <1>; linux,phandle = <2>; };\n};", 3, "disagrees with 'phandle'")]
    [InlineData("/ {\n  #address-cells = <0>;\n  m@0 { reg = <0x80000000 0x20000000>; };\n};", 4, "/m@0 has 'reg' but its bus's #address-cells is 0")]
    [InlineData("/ {\n  #address-cells = <1 2>;\n};", 3, "'#address-cells' is 8 bytes; it must be one cell (dtc: address_cells_is_cell)")]
    [InlineData("/ {\n  #size-cells = \"1\";\n};", 3, "(dtc: size_cells_is_cell)")]
    [InlineData("/ {\n  #size-cells = <0xffffffff>;\n};", 3, "'#size-cells' is 4294967295; at most 4 cells")]
    [InlineData("/ {\n  a = <&nowhere>;\n};", 3, "no node is labelled 'nowhere' (dtc: phandle_references)")]
    [InlineData("/ {\n  a = &{/nowhere};\n};", 3, "no node at path '/nowhere' (dtc: path_references)")]
    [InlineData("/ {\n  a: n { };\n  x = <1>;\n};", 4, "properties must precede subnodes")]
    [InlineData("/ {\n  n?x { };\n};", 3, "/n?x: bad character '?' in a node name (dtc: node_name_chars)")]
    [InlineData("/ {\n  n@1@2 { };\n};", 3, "more than one '@' in a node name (dtc: node_name_format)")]
    [InlineData("/ {\n  a@b = <1>;\n};", 3, "bad character '@' in property name 'a@b' (dtc: property_name_chars)")]
    [InlineData("/ {\n  n { name = <1>; };\n};", 3, "/n: a 'name' property must be the string \"n\" (dtc: name_properties)")]
    [InlineData("/ {\n  n@1 { name = \"m\"; };\n};", 3, "must be the string \"n\"")]
    [InlineData("/ {\n  a,b: n { };\n};", 3, "'a,b' is not a label")]
    [InlineData("/ {\n  x = <&1abc>;\n};", 3, "'1abc' is not a number")]
    [InlineData("/ {\n  x = <&,>;\n};", 3, "expected a label or '{/path}' after '&' but found ','")]
    public void A_source_dtc_refuses_is_refused_with_the_rule(string body, int line, string rule) =>
        Refusal.OfSource("/dts-v1/;\n" + body, line, rule);

    [Fact]
    public void A_reference_ends_where_a_c_identifier_ends()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { x = &l0, <&l0 1>; l0: n { }; };");
        Assert.Equal("/n\0\0\0\0\u0001\0\0\0\u0001"u8.ToArray(), tree.Root.Property("x")!.Value);
    }

    [Fact]
    public void A_label_may_be_given_to_the_same_node_again_and_is_free_once_its_node_is_deleted()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { a: n { }; old: gone { }; };\na: &a { x; };\n/delete-node/ &old;\n/ { r = <&old>; old: m { }; };");
        Assert.Equal(["a"], tree.FindByPath("/n")!.Labels);
        Assert.Same(tree.FindByPath("/m"), tree.FindByLabel("old"));
        Assert.Equal(tree.FindByPath("/m")!.Phandle, tree.Root.Property("r")!.Cell());
        Refusal.OfSource("/dts-v1/;\n/ { a: n { }; };\n/delete-node/ &a;\n/ { x = <&a>; };", 4, "no node is labelled 'a'");
    }

    [Fact]
    public void A_second_body_for_a_node_merges_into_it_replacing_its_properties_in_place()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { n { x = <1>; y = <2>; }; };\n/ { n { x = <3>; z; }; };");
        var node = tree.FindByPath("/n")!;
        Assert.Equal(["x", "y", "z"], node.Properties.Select(p => p.Name));
        Assert.Equal(3u, node.Property("x")!.Cell());
    }

    [Fact]
    public void Deletions_keep_definition_order_and_a_deleted_property_or_node_with_a_reference_is_not_resolved()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { a; b = &{/gone}; c; gone { }; d { }; e { }; };\n/ { /delete-property/ b; /delete-node/ gone; /delete-node/ d; f { }; };");
        Assert.Equal(["a", "c"], tree.Root.Properties.Select(p => p.Name));
        Assert.Equal(["e", "f"], tree.Root.Children.Select(c => c.Name));
        Assert.Null(tree.FindByPath("/d"));
    }

    [Fact]
    public void A_reg_under_address_cells_of_zero_is_refused_but_a_node_without_reg_is_fine()
    {
        // An interrupt controller declares #address-cells = <0> for its interrupt-map: no child has a reg.
        var tree = DtsParser.Parse("/dts-v1/;\n/ { intc { #address-cells = <0>; #interrupt-cells = <1>; interrupt-controller; }; };");
        Assert.NotNull(tree.FindByPath("/intc"));
    }
}
