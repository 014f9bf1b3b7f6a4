namespace Tidings.Ingest;

/// <summary>
/// Splits a stream into lines of bytes without decoding it, so that one line with bad bytes or one line
/// over the size limit is reported alone and the lines after it are still read.
/// </summary>
public sealed class ByteLineReader(Stream stream, long maxLineBytes)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos, _len;
    private bool _eof;

    /// <summary>Next line without its terminator; <c>Oversized</c> when the line was longer than the limit (skipped).</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool oversized)
    {
        var acc = new MemoryStream();
        oversized = false;
        line = default;
        while (true)
        {
            if (_pos == _len)
            {
                if (_eof) break;
                _len = stream.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len == 0) { _eof = true; break; }
            }
            int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
            int end = nl < 0 ? _len : nl;
            if (!oversized)
            {
                if (acc.Length + (end - _pos) > maxLineBytes) { oversized = true; acc.SetLength(0); }
                else acc.Write(_buffer, _pos, end - _pos);
            }
            _pos = nl < 0 ? _len : nl + 1;
            if (nl >= 0) { line = Trimmed(acc); return true; }
        }
        if (acc.Length == 0 && !oversized) return false;
        line = Trimmed(acc);
        return true;
    }

    private static ReadOnlyMemory<byte> Trimmed(MemoryStream acc)
    {
        var mem = new ReadOnlyMemory<byte>(acc.GetBuffer(), 0, (int)acc.Length);
        return mem.Length > 0 && mem.Span[^1] == (byte)'\r' ? mem[..^1] : mem;
    }
}
