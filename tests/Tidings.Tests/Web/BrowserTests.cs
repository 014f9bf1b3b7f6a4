using System.Text;
using Microsoft.Playwright;

namespace Tidings.Tests.Web;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (its bundled driver; no browser download) with a fresh profile.
/// .ci/run installs chromium with apt when it is missing.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<Browser> LaunchAsync(int width = 1280, int height = 900)
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium (.ci/run does)");
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("tidings-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>What a reader does on the pages, in a real browser, over the samples.</summary>
public sealed class BrowserTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task From_the_home_page_into_the_story_then_a_quote_lands_on_its_highlighted_sentence()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(web.Address.ToString());
        Assert.Contains("articles", await page.InnerTextAsync(".counts"));
        await page.ClickAsync($"ol.stories a[href='/stories/{web.StoryId}']");
        await page.WaitForURLAsync($"**/stories/{web.StoryId}");

        // Both articles side by side, one column each.
        var heads = await page.Locator("table.columns thead th.outlet-head").AllInnerTextsAsync();
        Assert.Equal(2, heads.Count);
        Assert.Contains(heads, h => h.Contains("Pakistan Point News"));
        Assert.Contains(heads, h => h.Contains("‘discuss ways’"));
        var boxes = await Task.WhenAll((await page.Locator("table.columns thead th.outlet-head").AllAsync()).Select(l => l.BoundingBoxAsync()));
        Assert.True(boxes[0]!.X + boxes[0]!.Width <= boxes[1]!.X + 1, "the columns are side by side");
        // The spelling disagreement, listed and marked in the columns.
        var disagreement = await page.Locator(".disagreement", new() { HasText = "Tehrik" }).InnerTextAsync();
        Assert.Contains("Tehrik-i-Taliban Pakistan", disagreement);
        Assert.Contains("Tehreek-i-Taliban Pakistan", disagreement);
        Assert.True(await page.Locator("table.columns a.disagree").CountAsync() >= 2);
        if (Environment.GetEnvironmentVariable("TIDINGS_SCREENSHOT") is { Length: > 0 } shot)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });

        var quote = page.Locator(".speaker-group a.quote-link").Last;
        string quoteText = (await quote.InnerTextAsync()).TrimEnd('…');
        await quote.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        Assert.Contains("hl=", page.Url);
        var lit = page.Locator("#hl");
        Assert.Contains("hl", await lit.GetAttributeAsync("class") ?? "");
        var sentence = string.Concat(await page.Locator(".body .hl").AllInnerTextsAsync());
        Assert.Contains(quoteText[..Math.Min(40, quoteText.Length)], sentence);
        // Scrolled to: the highlighted sentence is inside the viewport.
        var top = await page.EvaluateAsync<double>("() => document.getElementById('hl').getBoundingClientRect().top");
        var height = await page.EvaluateAsync<double>("() => window.innerHeight");
        Assert.InRange(top, 0, height);
    }

    [Fact]
    public async Task Searching_bannu_finds_sample_004()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(web.Address.ToString());
        await page.FillAsync("form.search.big input[name=q]", "Bannu");
        await page.PressAsync("form.search.big input[name=q]", "Enter");
        await page.WaitForURLAsync("**/search?q=Bannu");
        var hits = page.Locator("li.hit");
        Assert.Equal(1, await hits.CountAsync());
        Assert.Equal($"/articles/{web.Sample004Id}", await hits.Locator("a.headline").GetAttributeAsync("href"));
        Assert.Equal("Bannu", await hits.Locator("mark").InnerTextAsync());
        await hits.Locator("a.headline").ClickAsync();
        Assert.Contains("Tehreek-i-Taliban Pakistan", await page.InnerTextAsync(".body"));
    }

    [Fact]
    public async Task An_article_containing_a_script_renders_it_as_text()
    {
        using var content = new StringContent(SubmissionTests.ScriptArticle, Encoding.UTF8, "text/plain");
        using var response = await web.Client.PostAsync("/api/v1/articles", content);
        Assert.Equal(201, (int)response.StatusCode);
        string id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("articles")[0].GetProperty("id").GetString()!;

        await using var browser = await Browser.LaunchAsync(390, 844);
        var page = await browser.Context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        await page.GotoAsync(new Uri(web.Address, $"/articles/{id}").ToString());
        Assert.Contains("<script>alert(1)</script>", await page.InnerTextAsync("h1"));
        Assert.Contains("<b>raises fees</b>", await page.InnerTextAsync(".body"));
        Assert.Equal(0, await page.Locator("main script, main b").CountAsync());
        Assert.Empty(dialogs);
        // Readable on a phone: nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }
}
