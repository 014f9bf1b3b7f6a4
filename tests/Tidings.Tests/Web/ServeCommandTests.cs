using System.Text.RegularExpressions;
using Tidings.Tests.Cli;

namespace Tidings.Tests.Web;

/// <summary>The real `tidings serve` program: ingests the given paths, then serves; says at start-up whether it is public.</summary>
public sealed partial class ServeCommandTests
{
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex Address();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Serve_ingests_the_samples_then_answers_over_http(bool isPublic)
    {
        var dir = Directory.CreateTempSubdirectory("tidings-serve-").FullName;
        string[] args = ["serve", TestData.Samples, "--db", Path.Combine(dir, "t.db"), "--port", "0", .. isPublic ? new[] { "--public", "--api-key", "k-123" } : []];
        using var process = CliRunner.Start(dir, args);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var output = new List<string>();
            string? url = null;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (url is null && DateTime.UtcNow < deadline && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line)
            {
                output.Add(line);
                url = Address().Match(line) is { Success: true } m ? m.Value : null;
            }
            Assert.True(url is not null, "no address printed:\n" + string.Join("\n", output));
            output.Add(await process.StandardOutput.ReadLineAsync() ?? "");
            var all = string.Join("\n", output);
            Assert.Contains("stored", all);
            Assert.Contains(isPublic ? "every API call needs the API key" : "local only", all);
            using var client = new HttpClient { BaseAddress = new Uri(url!), Timeout = TimeSpan.FromSeconds(30) };
            if (isPublic) client.DefaultRequestHeaders.Add("X-Api-Key", "k-123");
            var stories = await client.GetStringAsync("/api/v1/stories");
            Assert.Contains("\"articles\":2", stories);
            Assert.Contains("Tehreek", await client.GetStringAsync("/search?q=Tehreek"));
        }
        finally
        {
            process.Kill(true);
            await stderr.WaitAsync(TimeSpan.FromSeconds(30));
            Directory.Delete(dir, true);
        }
    }
}
