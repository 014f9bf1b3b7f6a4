namespace Tidings.Bench;

internal static class PeerBenchmark
{
    public static void Run(List<string> documents, double seconds) => Console.WriteLine("peer: not implemented yet");
}
