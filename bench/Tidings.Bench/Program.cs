// Benchmarks. `language`: throughput and memory of the language layer (see LanguageBenchmark).
if (args.Length > 0 && args[0] == "language") return Tidings.Bench.LanguageBenchmark.Run(args[1..]);
Console.WriteLine("usage: Tidings.Bench language [--text FILE|--text FILE.jsonl] [--seconds N] [--no-peer] [--breakdown]");
return 1;
