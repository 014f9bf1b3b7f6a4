using System.Diagnostics;
using System.Text.Json;
using Tidings.Extract.Times;

namespace Tidings.Evaluation;

/// <summary>
/// Runs chrono-node (npm), a widely used time-expression parser, on the same documents, through the script in
/// peers/chrono. The peer is installed with npm on first use; its parse time is measured inside Node.
/// </summary>
public static class ChronoPeer
{
    public static string? FindPeerDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "peers", "chrono");
            if (File.Exists(Path.Combine(candidate, "timex.mjs"))) return candidate;
        }
        return null;
    }

    public static (List<IReadOnlyList<TimeExpression>> Output, double Seconds) Run(IReadOnlyList<TimeMlDocument> docs, string peerDir)
    {
        if (!Directory.Exists(Path.Combine(peerDir, "node_modules", "chrono-node")))
            RunProcess("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], peerDir, null);
        var input = string.Join("\n", docs.Select((d, i) => JsonSerializer.Serialize(new { id = i.ToString(), text = d.Text, dct = d.Dct?.ToString("yyyy-MM-dd") })));
        var output = RunProcess("node", ["timex.mjs"], peerDir, input);
        var results = docs.Select(_ => (IReadOnlyList<TimeExpression>)[]).ToList();
        double seconds = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("seconds", out var s)) { seconds = s.GetDouble(); continue; }
            int index = int.Parse(root.GetProperty("id").GetString()!);
            results[index] = root.GetProperty("found").EnumerateArray().Select(f => new TimeExpression(
                f.GetProperty("start").GetInt32(), f.GetProperty("end").GetInt32(), f.GetProperty("text").GetString()!,
                f.GetProperty("type").GetString()!, f.GetProperty("value").GetString()!)).ToList();
        }
        return (results, seconds);
    }

    private static string RunProcess(string file, string[] args, string dir, string? stdin)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }
}
