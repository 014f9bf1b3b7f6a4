using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tidings.Documents;
using Tidings.Extract.Events;
using Tidings.Pipeline;

namespace Tidings.Evaluation;

/// <summary>
/// Scores event coding against the PLOVER gold-standard records (PLOVER_GSR_CAMEO: one JSON object per example
/// sentence with its event type, source and target actors). Version 0.5 labels are mapped to the current types
/// (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Each record's sentence is run through
/// the pipeline as a one-sentence article dated the record's date; the predicted event is the one whose predicate
/// lies inside a gold "(EVT: …)" span, else the most confident one. Type accuracy counts every record (no event is
/// wrong); source and target country accuracy count the records whose type came out right, as the targets ask.
/// </summary>
public static partial class PloverEvaluator
{
    public sealed record GoldActor(string Text, string Code, string? Sector)
    {
        public string Country => Code.Length >= 3 ? Code[..3] : Code;
    }

    public sealed record GoldRecord(string Id, int Number, DateOnly? Date, string Text, string Event, string? Mode,
        IReadOnlyList<GoldActor> Sources, IReadOnlyList<GoldActor> Targets, IReadOnlyList<string> EventTexts);

    public sealed record TypeScore(string Type, int Count, int TypeRight, int SourceRight, int SourceGold, int TargetRight, int TargetGold);

    public sealed record Report(int Records, int TypeRight, int SourceRight, int SourceGold, int TargetRight, int TargetGold,
        int SectorRight, int SectorGold, IReadOnlyList<TypeScore> PerType, IReadOnlyList<string> Errors)
    {
        public double TypeAccuracy => Pct(TypeRight, Records);
        public double SourceAccuracy => Pct(SourceRight, SourceGold);
        public double TargetAccuracy => Pct(TargetRight, TargetGold);
        public double SectorAccuracy => Pct(SectorRight, SectorGold);
    }

    private static readonly Dictionary<string, string> LegacyTypes = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST", ["DISAPPROVE"] = "ACCUSE", ["INVESTIGATE"] = "ACCUSE", ["FIGHT"] = "ASSAULT",
    };

    private static readonly HashSet<string> Sectors = new(StringComparer.Ordinal)
    {
        "GOV", "MIL", "COP", "REB", "SPY", "LEG", "JUD", "OPP", "CVL", "MED", "BUS", "EDU", "LAB", "ELI", "UAF", "IGO", "NGO", "REL",
    };

    public static double Pct(int right, int total) => total == 0 ? 0 : 100.0 * right / total;

    /// <summary>Reads the gold records (a JSON array); documentation records and records without text are skipped.</summary>
    public static List<GoldRecord> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        var records = new List<GoldRecord>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            string type = Str(r, "event") ?? "";
            string? text = Str(r, "text");
            if (type == "DOCUMENT" || string.IsNullOrWhiteSpace(text)) continue;
            type = LegacyTypes.GetValueOrDefault(type, type);
            string id = Str(r, "id") ?? "";
            int number = int.TryParse(id[(id.LastIndexOf('-') + 1)..], out int n) ? n : records.Count;
            DateOnly? date = DateOnly.TryParseExact(Str(r, "date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            string markup = r.TryGetProperty("textInfo", out var info) ? Str(info, "markup") ?? "" : "";
            var evts = EventMarkup().Matches(markup).Select(m => m.Groups[1].Value.Trim()).ToList();
            records.Add(new GoldRecord(id, number, date, text, type, Str(r, "mode"), Actors(r, "source"), Actors(r, "target"), evts));
        }
        return records;
    }

    /// <summary>dev: even-numbered records (used for tuning); test: odd-numbered; all: both.</summary>
    public static IEnumerable<GoldRecord> Split(IEnumerable<GoldRecord> records, string split) => split switch
    {
        "dev" => records.Where(r => r.Number % 2 == 0),
        "test" => records.Where(r => r.Number % 2 == 1),
        "all" => records,
        _ => throw new ArgumentException($"unknown split '{split}' (all, dev or test)"),
    };

    public static Report Evaluate(IEnumerable<GoldRecord> records, ArticlePipeline pipeline)
    {
        int total = 0, typeRight = 0, srcRight = 0, srcGold = 0, tgtRight = 0, tgtGold = 0, secRight = 0, secGold = 0;
        var perType = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var gold in records)
        {
            var article = new Article(gold.Text, gold.Id, ArticleFormat.PlainText)
            {
                Published = gold.Date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            };
            pipeline.Process(article);
            var events = article.Layers.Get<EventMention>(EventStage.Layer) ?? [];
            var predicted = Choose(gold, article.Text, events);
            var counts = perType.TryGetValue(gold.Event, out var c) ? c : perType[gold.Event] = new int[6];
            total++; counts[0]++;
            bool typeOk = predicted?.Plover == gold.Event;
            if (!typeOk)
            {
                errors.Add($"TYPE {gold.Id}: gold {gold.Event}, got {predicted?.Plover ?? "nothing"} ({predicted?.Text}) | {gold.Text}");
                continue;
            }
            typeRight++; counts[1]++;
            if (gold.Sources.Count > 0)
            {
                srcGold++; counts[3]++;
                if (gold.Sources.Any(a => a.Country == predicted!.Source?.Country)) { srcRight++; counts[2]++; }
                else errors.Add($"SOURCE {gold.Id}: gold {string.Join("/", gold.Sources.Select(a => a.Code))}, got {predicted!.Source?.Code ?? "-"} ({predicted.Source?.Text}) | {gold.Text}");
                if (gold.Sources.FirstOrDefault(a => a.Sector is { } s && Sectors.Contains(s)) is { } withSector)
                {
                    secGold++;
                    if (predicted!.Source?.Sector == withSector.Sector) secRight++;
                }
            }
            if (gold.Targets.Count > 0)
            {
                tgtGold++; counts[5]++;
                if (gold.Targets.Any(a => a.Country == predicted!.Target?.Country)) { tgtRight++; counts[4]++; }
                else errors.Add($"TARGET {gold.Id}: gold {string.Join("/", gold.Targets.Select(a => a.Code))}, got {predicted!.Target?.Code ?? "-"} ({predicted.Target?.Text}) | {gold.Text}");
            }
        }
        var types = perType.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new TypeScore(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4], p.Value[5])).ToList();
        return new Report(total, typeRight, srcRight, srcGold, tgtRight, tgtGold, secRight, secGold, types, errors);
    }

    /// <summary>The predicted event for a gold record: one whose predicate lies in a gold event phrase, else the most confident.</summary>
    private static EventMention? Choose(GoldRecord gold, string text, IReadOnlyList<EventMention> events)
    {
        if (events.Count == 0) return null;
        foreach (var phrase in gold.EventTexts)
        {
            int at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var inside = events.Where(e => e.Start < at + phrase.Length && e.End > at).OrderByDescending(e => e.Confidence).FirstOrDefault();
            if (inside is not null) return inside;
        }
        return events.OrderByDescending(e => e.Confidence).First();
    }

    private static List<GoldActor> Actors(JsonElement r, string name)
    {
        var list = new List<GoldActor>();
        if (!r.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array) return list;
        foreach (var a in arr.EnumerateArray())
            if (Str(a, "code") is { Length: > 0 } code) list.Add(new GoldActor(Str(a, "actorText") ?? "", code, Str(a, "sector")));
        return list;
    }

    private static string? Str(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\(EVT:\s*([^)]*)\)")]
    private static partial Regex EventMarkup();
}
