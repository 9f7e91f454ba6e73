using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Klimrek.Features.Esco;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (the "Binary Format" of the COPY documentation) into a pooled
/// buffer and sends it to a raw COPY stream 64 kB at a time: a signature and header, then per row the field count
/// and per field its length (-1 for NULL) and bytes, all integers big-endian, and a trailer. Each value is a few
/// bytes copied into the buffer, where Npgsql's typed importer resolves a converter per value (which, in a fresh
/// process, costs more than the copy itself). Columns must be integer, boolean or text-like (text, varchar).
/// </summary>
internal sealed class PgCopyWriter : IRowWriter, IDisposable
{
    /// <summary>The signature "PGCOPY\n\xff\r\n\0", no flags, no header extension.</summary>
    private static ReadOnlySpan<byte> Header => [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _stream;
    private readonly short _columns;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _length;

    public PgCopyWriter(Stream stream, int columns)
    {
        _stream = stream;
        _columns = checked((short)columns);
        Header.CopyTo(_buffer);
        _length = Header.Length;
    }

    /// <summary>Every row (each written by <paramref name="write"/>, in column order), then the trailer and the rest of the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteRows<T>(IEnumerable<T> rows, Action<IRowWriter, T> write, CancellationToken ct)
    {
        foreach (var item in rows)
        {
            ct.ThrowIfCancellationRequested();
            StartRow();
            write(this, item);
        }
        Finish();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartRow()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), _columns);
        _length += 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length + 4), value);
        _length += 8;
    }

    public void Write(int? value)
    {
        if (value is int v) Write(v);
        else WriteNull();
    }

    public void Write(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), 1);
        _buffer[_length + 4] = value ? (byte)1 : (byte)0;
        _length += 5;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(string? value)
    {
        if (value is null) { WriteNull(); return; }
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        int n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), n);
        _length += 4 + n;
    }

    private void WriteNull()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), -1);
        _length += 4;
    }

    /// <summary>The trailer, and everything still in the buffer.</summary>
    private void Finish()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), -1);
        _length += 2;
        Flush();
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        Flush();
        if (bytes > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
