using System.Diagnostics;
using System.Text.Json;
using Tidings.Language;

namespace Tidings.Bench;

/// <summary>
/// The peer comparison of the language benchmark: wink-nlp with wink-eng-lite-web-model (tokenize + POS +
/// entities) on the same documents in the same run, with the machine's Node.js. The benchmark installs the
/// peer itself into bench/.peer/wink (git-ignored) with npm. Also scores both systems' UPOS on EWT test:
/// each gold sentence is given as its forms joined by spaces, and a peer token counts as correct when its
/// character span and UPOS both match a gold token.
/// </summary>
internal static class PeerBenchmark
{
    public static void Run(List<string> documents, double seconds, string? ewtTestPath)
    {
        string dir = PeerDirectory();
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "wink-eng-lite-web-model")))
        {
            Console.WriteLine($"installing wink-nlp + wink-eng-lite-web-model into {dir} ...");
            if (Exec("npm", "install --no-audit --no-fund --loglevel=error wink-nlp wink-eng-lite-web-model", dir, out var npmOut) != 0)
            {
                Console.WriteLine("peer: npm install failed, skipping the peer comparison\n" + npmOut);
                return;
            }
        }
        File.WriteAllText(Path.Combine(dir, "docs.json"), JsonSerializer.Serialize(documents));
        File.WriteAllText(Path.Combine(dir, "throughput.js"), ThroughputScript);
        File.WriteAllText(Path.Combine(dir, "upos.js"), UposScript);

        // One core: one Node process.
        Exec("node", $"throughput.js {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", dir, out var one);
        var single = JsonDocument.Parse(one.Trim().Split('\n')[^1]).RootElement;
        Console.WriteLine($"peer wink-nlp one core:  {single.GetProperty("tokensPerSecond").GetDouble(),12:N0} tokens/s (its own tokens), peak RSS {single.GetProperty("maxRssMiB").GetDouble():F0} MiB");

        // All cores: one Node process per core, started together.
        int cores = Environment.ProcessorCount;
        var processes = Enumerable.Range(0, cores).Select(_ => Start("node", $"throughput.js {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", dir)).ToList();
        double total = 0;
        foreach (var p in processes)
        {
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            total += JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.GetProperty("tokensPerSecond").GetDouble();
        }
        Console.WriteLine($"peer wink-nlp all cores: {total,12:N0} tokens/s ({cores} processes)");

        if (ewtTestPath == null || !File.Exists(ewtTestPath)) { Console.WriteLine("peer UPOS: EWT test not found, skipped"); return; }
        var gold = CorpusReader.ReadConllu(ewtTestPath);
        var sentences = gold.Select(s => new { forms = s.Words.Select(w => w.Form).ToArray(), upos = s.Words.Select(w => w.Upos).ToArray() });
        File.WriteAllText(Path.Combine(dir, "ewt-test.json"), JsonSerializer.Serialize(sentences));
        Exec("node", "upos.js", dir, out var uposOut);
        var peerUpos = JsonDocument.Parse(uposOut.Trim().Split('\n')[^1]).RootElement.GetProperty("accuracy").GetDouble();
        var ours = TaggingEvaluation.Evaluate(LanguageAnalyzer.Default.PosTagger, null, gold);
        Console.WriteLine($"UPOS on EWT test (gold tokens): Tidings {ours.Upos:F2}, wink-nlp {peerUpos:F2}");
    }

    private static string PeerDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Tidings.sln")))
            {
                var dir = Path.Combine(d.FullName, "bench", ".peer", "wink");
                Directory.CreateDirectory(dir);
                return dir;
            }
        var fallback = Path.Combine(Path.GetTempPath(), "tidings-peer-wink");
        Directory.CreateDirectory(fallback);
        return fallback;
    }

    private static Process Start(string file, string args, string dir)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        return Process.Start(psi)!;
    }

    private static int Exec(string file, string args, string dir, out string output)
    {
        using var p = Start(file, args, dir);
        var stderr = p.StandardError.ReadToEndAsync();
        output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) output += stderr.Result;
        return p.ExitCode;
    }

    private const string ThroughputScript = """
        const winkNLP = require('wink-nlp');
        const model = require('wink-eng-lite-web-model');
        const nlp = winkNLP(model);
        const its = nlp.its;
        const docs = require('./docs.json');
        const seconds = parseFloat(process.argv[2] || '5');
        function pass() {
          let tokens = 0;
          for (const text of docs) {
            const doc = nlp.readDoc(text);
            doc.tokens().out(its.pos);
            doc.entities().out(its.detail);
            doc.sentences().length();
            tokens += doc.tokens().length();
          }
          return tokens;
        }
        pass(); // warm-up
        const start = process.hrtime.bigint();
        let tokens = 0, elapsed = 0;
        do { tokens += pass(); elapsed = Number(process.hrtime.bigint() - start) / 1e9; } while (elapsed < seconds);
        console.log(JSON.stringify({ tokensPerSecond: tokens / elapsed, tokens, seconds: elapsed,
          maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
        """;

    private const string UposScript = """
        const winkNLP = require('wink-nlp');
        const model = require('wink-eng-lite-web-model');
        const nlp = winkNLP(model);
        const its = nlp.its;
        const sentences = require('./ewt-test.json');
        let total = 0, correct = 0;
        for (const s of sentences) {
          const text = s.forms.join(' ');
          const gold = new Map();
          let at = 0;
          s.forms.forEach((f, i) => { gold.set(at + ':' + (at + f.length), s.upos[i]); at += f.length + 1; });
          const doc = nlp.readDoc(text);
          const values = doc.tokens().out();
          const pos = doc.tokens().out(its.pos);
          let cursor = 0;
          values.forEach((v, i) => {
            const start = text.indexOf(v, cursor);
            if (start < 0) return;
            cursor = start + v.length;
            if (gold.get(start + ':' + (start + v.length)) === pos[i]) correct++;
          });
          total += s.forms.length;
        }
        console.log(JSON.stringify({ accuracy: 100 * correct / total, correct, total }));
        """;
}
