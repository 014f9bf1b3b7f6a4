using Tidings.Documents;
using Tidings.Extract.Events;
using Tidings.Language;

namespace Tidings.Tests.Extract;

/// <summary>
/// Hand-made event mentions on real article text (the event finder is written separately): every offset is found in
/// the article, so stores, writers and pages see mentions shaped as the finder's.
/// </summary>
public static class EventSamples
{
    public static EventActor Actor(Article a, string text, string? code, int after = 0, string? name = null)
    {
        int start = a.Text.IndexOf(text, after, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{text}\" not in {a.Id}");
        string? country = code is { Length: >= 3 } ? code[..3] : null;
        string? sector = code is { Length: >= 6 } ? code[3..6] : null;
        return new EventActor(start, start + text.Length, text, code, country, sector, null, name);
    }

    /// <summary>A mention of <paramref name="predicate"/> (its first occurrence in a sentence) with the sentence around it.</summary>
    public static EventMention Mention(Article a, string predicate, string plover, string cameo, int quad,
        (string Text, string? Code)? source, (string Text, string? Code)? target, string? date,
        EventPlace? place = null, IReadOnlyList<string>? flags = null)
    {
        // The first occurrence inside a sentence (a subtitle or boilerplate is not one).
        var (sentence, start) = (a.Layers.Get<Sentence>(LanguageStage.Sentences) ?? [])
            .Select(s => (Sentence: s, Start: a.Text.IndexOf(predicate, s.Start, s.End - s.Start, StringComparison.Ordinal)))
            .First(x => x.Start >= 0);
        return new EventMention(start, start + predicate.Length, predicate, sentence.Start, sentence.End,
            plover, null, null, cameo, quad,
            source is { } s ? Actor(a, s.Text, s.Code, sentence.Start) : null,
            target is { } t ? Actor(a, t.Text, t.Code, sentence.Start) : null,
            date, date is null ? EventProvenance.None : EventProvenance.Text,
            place, place is null ? EventProvenance.None : EventProvenance.Text,
            flags ?? [], 0.9);
    }

    public static EventPlace Bannu(Article a)
    {
        int start = a.Text.IndexOf("Bannu", StringComparison.Ordinal);
        return new EventPlace(start, start + 5, "Bannu", 1183090, "Bannu", "PK", "03", 32.98, 70.60, "PPLA2");
    }

    /// <summary>The US–Pakistan cooperation both samples report (sample 000: "plans to work with Islamabad"; 004: "partnership with Pakistan").</summary>
    public static void AddSharedCooperation(Article sample000, Article sample004)
    {
        Set(sample000, Mention(sample000, "work with", "COOPERATE", "030", 1, ("the United States", "USA"), ("Islamabad", "PAKGOV"), "2022-12-07"));
        Set(sample004, Mention(sample004, "partnership", "COOPERATE", "030", 1, ("The United States", "USAGOV"), ("Pakistan", "PAK"), "2022-12-08"),
            Mention(sample004, "took hostages", "COERCE", "181", 4, ("militants", null), null, "2022-12-19", Bannu(sample004)));
    }

    public static void Set(Article a, params EventMention[] mentions) => a.Layers.Set(EventStage.Layer, mentions);
}
