using System.Text.Json;
using System.Text.Json.Serialization;
using Tidings.Documents;

namespace Tidings.Storage;

/// <summary>The spans of an article as the store keeps them (one JSON column), and back.</summary>
internal sealed class ArticleSpansRecord
{
    [JsonPropertyName("headline")] public int[]? Headline { get; set; }
    [JsonPropertyName("body")] public List<int[]> Body { get; set; } = [];
    [JsonPropertyName("boilerplate")] public List<BoilerplateSpan> Boilerplate { get; set; } = [];
    [JsonPropertyName("dateline")] public Dateline? Dateline { get; set; }
    [JsonPropertyName("headline_in_text")] public bool HeadlineInText { get; set; }
    [JsonPropertyName("warnings")] public List<string>? Warnings { get; set; }
    [JsonPropertyName("times")] public List<Extract.Times.TimeExpression>? Times { get; set; }
    [JsonPropertyName("sentences")] public List<int[]>? Sentences { get; set; }
    [JsonPropertyName("entities")] public List<Language.EntitySpan>? Entities { get; set; }
    [JsonPropertyName("quotes")] public List<Extract.Quotes.Quote>? Quotes { get; set; }
    [JsonPropertyName("article_entities")] public List<Extract.Entities.ArticleEntity>? ArticleEntities { get; set; }
    [JsonPropertyName("places")] public List<Extract.Places.PlaceMention>? Places { get; set; }
    [JsonPropertyName("demonyms")] public List<Extract.Places.DemonymMention>? Demonyms { get; set; }
    [JsonPropertyName("events")] public List<Extract.Events.EventMention>? Events { get; set; }

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Serialize(Article a) => JsonSerializer.Serialize(new ArticleSpansRecord
    {
        Headline = a.Headline is { } h ? [h.Start, h.End] : null,
        Body = a.Body.Select(s => new[] { s.Start, s.End }).ToList(),
        Boilerplate = a.Boilerplate,
        Dateline = a.Dateline,
        HeadlineInText = a.HeadlineInText,
        Warnings = a.Warnings.Count > 0 ? a.Warnings : null,
        Times = a.Layers.Get<Extract.Times.TimeExpression>(Extract.Times.TimeStage.Layer)?.ToList(),
        Sentences = a.Layers.Get<Language.Sentence>(Language.LanguageStage.Sentences)?.Select(s => new[] { s.Start, s.End, s.FirstToken, s.TokenCount }).ToList(),
        Entities = a.Layers.Get<Language.EntitySpan>(Language.LanguageStage.Entities)?.ToList(),
        Quotes = a.Layers.Get<Extract.Quotes.Quote>(Extract.Quotes.QuoteStage.Layer)?.ToList(),
        ArticleEntities = a.Layers.Get<Extract.Entities.ArticleEntity>(Extract.Entities.EntityStage.Layer)?.ToList(),
        Places = a.Layers.Get<Extract.Places.PlaceMention>(Extract.Places.PlaceStage.Layer)?.ToList(),
        Demonyms = a.Layers.Get<Extract.Places.DemonymMention>(Extract.Places.PlaceStage.DemonymLayer)?.ToList(),
        // The merged event ids live in the event tables (they change when stories are rebuilt), not with the article.
        Events = a.Layers.Get<Extract.Events.EventMention>(Extract.Events.EventStage.Layer)?.Select(m => m with { Event = null }).ToList(),
    }, Options);

    public static void Apply(string json, Article a)
    {
        var r = JsonSerializer.Deserialize<ArticleSpansRecord>(json, Options) ?? new ArticleSpansRecord();
        a.Headline = r.Headline is [var s, var e] ? new TextSpan(s, e) : null;
        a.Body.AddRange(r.Body.Where(x => x.Length == 2).Select(x => new TextSpan(x[0], x[1])));
        a.Boilerplate.AddRange(r.Boilerplate);
        a.Dateline = r.Dateline;
        a.HeadlineInText = r.HeadlineInText;
        if (r.Warnings is not null) a.Warnings.AddRange(r.Warnings);
        if (r.Times is not null) a.Layers.Set(Extract.Times.TimeStage.Layer, r.Times);
        if (r.Sentences is not null)
            a.Layers.Set(Language.LanguageStage.Sentences, r.Sentences.Where(x => x.Length == 4).Select(x => new Language.Sentence(x[0], x[1], x[2], x[3])).ToList());
        if (r.Entities is not null) a.Layers.Set(Language.LanguageStage.Entities, r.Entities);
        if (r.Quotes is not null) a.Layers.Set(Extract.Quotes.QuoteStage.Layer, r.Quotes);
        if (r.ArticleEntities is not null) a.Layers.Set(Extract.Entities.EntityStage.Layer, r.ArticleEntities);
        if (r.Places is not null) a.Layers.Set(Extract.Places.PlaceStage.Layer, r.Places);
        if (r.Demonyms is not null) a.Layers.Set(Extract.Places.PlaceStage.DemonymLayer, r.Demonyms);
        if (r.Events is not null) a.Layers.Set(Extract.Events.EventStage.Layer, r.Events);
    }
}
