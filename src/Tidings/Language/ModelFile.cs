using System.IO.Compression;
using System.Reflection;

namespace Tidings.Language;

/// <summary>
/// Model files are one Brotli-compressed binary stream. The shipped models are embedded resources of this
/// assembly (models/*.bin), so the program never reads the training corpora at run time.
/// </summary>
public static class ModelFile
{
    public static void Save(string path, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(brotli);
        write(w);
    }

    public static T Load<T>(Stream stream, Func<BinaryReader, T> read)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var r = new BinaryReader(buffered);
        return read(r);
    }

    public static T Load<T>(string path, Func<BinaryReader, T> read)
    {
        using var file = File.OpenRead(path);
        return Load(file, read);
    }

    /// <summary>Opens an embedded model ("pos.bin", "ner.bin", "lemma.bin").</summary>
    public static T LoadEmbedded<T>(string name, Func<BinaryReader, T> read)
    {
        var assembly = typeof(ModelFile).Assembly;
        using var stream = assembly.GetManifestResourceStream("Tidings.Models." + name)
            ?? throw new FileNotFoundException($"Embedded model '{name}' is missing; train it with `tidings train` and rebuild.");
        return Load(stream, read);
    }

    public static bool HasEmbedded(string name)
        => typeof(ModelFile).Assembly.GetManifestResourceInfo("Tidings.Models." + name) != null;
}
