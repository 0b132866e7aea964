using System.Buffers.Binary;

namespace Tradehall.Core.Network.Images;

/// <summary>
/// SEC-07: the pixel size an image declares in its header, read without decoding it, so a small file
/// that would unpack into gigabytes (a decompression bomb) is refused before any decoder sees it.
/// </summary>
public static class ImageHeader
{
    /// <summary>Width and height of a JPEG, PNG or WebP, or null when the header does not say.</summary>
    public static (long Width, long Height)? Size(ReadOnlySpan<byte> file)
    {
        if (file.Length >= 24 && file[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) && file.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return (BinaryPrimitives.ReadUInt32BigEndian(file[16..]), BinaryPrimitives.ReadUInt32BigEndian(file[20..]));
        }
        if (file.Length >= 30 && file[..4].SequenceEqual("RIFF"u8) && file.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return WebP(file);
        }
        if (file.Length >= 4 && file[0] == 0xFF && file[1] == 0xD8)
        {
            return Jpeg(file);
        }
        return null;
    }

    private static (long, long)? WebP(ReadOnlySpan<byte> file)
    {
        var chunk = file.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Canvas size minus one, 24 bits each.
            return (ReadUInt24(file[24..]) + 1L, ReadUInt24(file[27..]) + 1L);
        }
        if (chunk.SequenceEqual("VP8L"u8) && file[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(file[21..]);
            return ((bits & 0x3FFF) + 1L, ((bits >> 14) & 0x3FFF) + 1L);
        }
        if (chunk.SequenceEqual("VP8 "u8) && file[23] == 0x9D && file[24] == 0x01 && file[25] == 0x2A)
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(file[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(file[28..]) & 0x3FFF);
        }
        return null;
    }

    /// <summary>Walks the segments up to the first start-of-frame, which holds the size.</summary>
    private static (long, long)? Jpeg(ReadOnlySpan<byte> file)
    {
        var at = 2;
        while (at + 4 <= file.Length)
        {
            if (file[at] != 0xFF)
            {
                return null;
            }
            var marker = file[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return at + 9 <= file.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(file[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(file[(at + 5)..]))
                    : null;
            }
            if (marker == 0xDA || length < 2)
            {
                return null; // scan data before any frame header: not a JPEG a decoder should be given
            }
            at += 2 + length;
        }
        return null;
    }

    private static uint ReadUInt24(ReadOnlySpan<byte> bytes) => (uint)(bytes[0] | (bytes[1] << 8) | (bytes[2] << 16));
}
