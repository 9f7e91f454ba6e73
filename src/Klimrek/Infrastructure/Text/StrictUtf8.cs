using System.Text;
using System.Text.Unicode;

namespace Klimrek.Infrastructure.Text;

/// <summary>Where in a file a problem is: the line (from 1) and the byte in that line (from 1).</summary>
public readonly record struct TextPosition(int Line, int Column);

/// <summary>
/// Uploaded and imported files are UTF-8, decoded strictly: a byte sequence that is not UTF-8 (a file saved as
/// Latin-1 or Windows-1252, or a damaged one) is refused with its position instead of silently becoming U+FFFD.
/// A UTF-8 byte-order mark at the start is skipped.
/// </summary>
public static class StrictUtf8
{
    /// <summary>Throws <see cref="DecoderFallbackException"/> on invalid input instead of replacing it.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    /// <summary>Decodes <paramref name="bytes"/> (a byte-order mark skipped); false with the first invalid byte's position.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out TextPosition invalidAt)
    {
        var body = WithoutBom(bytes);
        try
        {
            text = Encoding.GetString(body);
            invalidAt = default;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            invalidAt = PositionOf(bytes, bytes.Length - body.Length + FirstInvalid(body));
            return false;
        }
    }

    /// <summary>The offset of the first byte that does not start valid UTF-8, or -1 when all of it is valid.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        Span<char> scratch = stackalloc char[1024];
        int offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out int read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return offset;
        }
    }

    /// <summary>The line and column of byte <paramref name="offset"/> (lines end at '\n').</summary>
    public static TextPosition PositionOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        int lastBreak = before.LastIndexOf((byte)'\n');
        return new TextPosition(before.Count((byte)'\n') + 1, offset - lastBreak);
    }
}
