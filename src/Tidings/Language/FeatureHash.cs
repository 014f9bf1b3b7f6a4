using System.Runtime.CompilerServices;

namespace Tidings.Language;

/// <summary>
/// 64-bit hashing of character spans and feature templates. Features are never materialised as strings:
/// a feature is Mix(template, value hash), looked up in the model's open-addressing table.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) { h ^= c; h *= FnvPrime; }
        return Finalize(h);
    }

    /// <summary>Hash of the lower-cased span (ASCII fast path) with digits folded to '0' so numbers share features.</summary>
    public static ulong LowerFolded(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char ch in s)
        {
            char c = ch;
            if (c < 128) { if (c is >= 'A' and <= 'Z') c = (char)(c + 32); else if (c is >= '0' and <= '9') c = '0'; }
            else c = char.ToLowerInvariant(c);
            h ^= c; h *= FnvPrime;
        }
        return Finalize(h);
    }

    /// <summary>Word shape with runs collapsed to length ≤ 2: "Bhutto" → "Xxx", "2022" → "dd", "U.S." → "X.X.".</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        char prev = '\0';
        int run = 0;
        foreach (char ch in s)
        {
            char c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c == prev) { if (++run >= 2) continue; } else run = 0;
            prev = c;
            h ^= c; h *= FnvPrime;
        }
        return Finalize(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong value) => Finalize(value ^ ((ulong)template * 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Finalize(a * 31 + b ^ ((ulong)template * 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Feature(template, a * 31 + b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finalize(ulong h)
    {
        // murmur3 finalizer: spreads bits so the open-addressing table probes well.
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
