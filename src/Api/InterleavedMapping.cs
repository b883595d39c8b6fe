using DmaActors.Actors.Transfers;

namespace DmaActors.Api;

/// <summary>
/// Turns the kernel's template (per-chunk <c>icg</c>, <c>src_icg</c>, <c>dst_icg</c>) into the
/// hardware model's (one gap per chunk, applied on the sides flagged globally), refusing what the
/// model cannot express.
/// </summary>
internal static class InterleavedMapping
{
    public static InterleavedTemplate ToHardware(DmaInterleavedTemplate xt, string channel)
    {
        bool srcGaps = xt.Sgl.Any(c => xt.GetSrcIcg(c) != 0);
        bool dstGaps = xt.Sgl.Any(c => xt.GetDstIcg(c) != 0);
        var chunks = new List<(int Size, int Gap)>(xt.Sgl.Count);
        foreach (var chunk in xt.Sgl)
        {
            int src = xt.GetSrcIcg(chunk), dst = xt.GetDstIcg(chunk);
            bool fits = (!srcGaps || !dstGaps || src == dst) && (srcGaps || src == 0) && (dstGaps || dst == 0);
            if (!fits || src < 0 || dst < 0)
            {
                throw new DmaException("EINVAL", "C-24", $"{channel}: dmaengine_prep_interleaved_dma(): a chunk has source gap {src} and destination gap {dst}; the simulated controller " +
                    "applies one gap per chunk to the sides that skip gaps. Give both sides the same gaps, or gaps on one side only.");
            }
            chunks.Add((chunk.Size, srcGaps ? src : dst));
        }
        return new InterleavedTemplate(xt.SrcStart, xt.DstStart, xt.Numf, chunks, xt.SrcInc, xt.DstInc, srcGaps, dstGaps);
    }
}
