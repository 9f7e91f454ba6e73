using Klimrek.Infrastructure.Text;
using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Klimrek.Features.Esco;

/// <summary>
/// One CSV file of an ESCO pack, plain or gzip-compressed, read whole into a pooled buffer and checked before any of
/// it is used: a gzip file must end in the checksum and length of exactly what it decompressed to (a truncated or
/// damaged file is refused, never read in part), and the text must be UTF-8. Both refusals name the file and the
/// line. <see cref="Records"/> then splits it without copying (<see cref="CsvRecords"/>).
/// </summary>
public sealed class CsvFile : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private CsvFile(string path, byte[] buffer, int length, bool pooled)
    {
        Path = path;
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    private readonly bool _pooled;

    public string Path { get; }
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The records, the header first.</summary>
    public CsvRecords Records() => new(Data);

    private ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _length);

    /// <summary>Reads and checks the file; a damaged, truncated, non-UTF-8 or empty file throws <see cref="EscoImportException"/>.</summary>
    public static CsvFile Open(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var file = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(path, bytes) : new CsvFile(path, bytes, bytes.Length, pooled: false);
        try
        {
            int invalid = StrictUtf8.FirstInvalid(file.Data);
            if (invalid >= 0)
                throw new EscoImportException($"{name}, regel {StrictUtf8.PositionOf(file.Data, invalid).Line}: geen geldige UTF-8-tekst (sla het bestand op als UTF-8).");
            if (StrictUtf8.WithoutBom(file.Data).IsEmpty)
                throw new EscoImportException($"{name}: het bestand is leeg.");
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decompresses a gzip file and checks its trailer: the CRC-32 and length (mod 2^32) of the data, as gzip(1) and
    /// the ESCO downloads write them (one gzip member; a file of several concatenated members is refused as damaged).
    /// </summary>
    private static CsvFile Gunzip(string path, byte[] compressed)
    {
        var name = System.IO.Path.GetFileName(path);
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
            throw new EscoImportException($"{name}: geen gzip-bestand, of het is beschadigd.");
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 8));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4));
        // The trailer's length sizes the buffer, within what text compresses to (a damaged trailer must not ask for gigabytes).
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(size + 1L, 16L * compressed.Length + 65536));
        int length = 0;
        bool ok = false;
        try
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
                int n;
                while ((n = gzip.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += n;
                    if (length == buffer.Length) buffer = Grow(buffer);
                }
            }
            catch (InvalidDataException e)
            {
                throw Damaged(name, buffer, length, $"het gecomprimeerde bestand is beschadigd ({e.Message})");
            }
            if ((uint)length != size || Crc32.HashToUInt32(buffer.AsSpan(0, length)) != crc)
                throw Damaged(name, buffer, length, "het bestand is afgebroken of beschadigd (controlesom of lengte klopt niet)");
            ok = true;
            return new CsvFile(path, buffer, length, pooled: true);
        }
        finally
        {
            if (!ok) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
        if (larger.Length <= buffer.Length) throw new InvalidDataException("too large");
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Names the line the readable data stops on.</summary>
    private static EscoImportException Damaged(string name, byte[] buffer, int length, string what) =>
        new($"{name}, regel {buffer.AsSpan(0, length).Count((byte)'\n') + 1}: {what}; er is niets ingelezen.");

    public void Dispose()
    {
        if (_pooled && _buffer is { } b) ArrayPool<byte>.Shared.Return(b);
        _buffer = null;
    }
}
