using Tidings.Documents;
using Tidings.Extract.Places;
using Tidings.Extract.Quotes;
using Tidings.Extract.Times;
using Tidings.Language;
using Tidings.Language.Syntax;
using Tidings.Pipeline;

namespace Tidings.Extract.Events;

/// <summary>
/// Adds the "events" layer: coded event mentions found on the dependency parse (<see cref="EventFinder"/>), with
/// their actors coded (<see cref="ActorCoder"/>), the date and place that govern them, and their flags. Runs after
/// the language, place, quote, entity and time stages. The user's PETRARCH dictionaries, when given, override the
/// built-in actors and decide the verb codes; their discard lists skip sentences or whole articles.
/// </summary>
public sealed class EventStage : IArticleStage
{
    public const string Layer = "events";
    private static readonly HashSet<string> FirstPerson = new(StringComparer.OrdinalIgnoreCase) { "we", "us", "our", "i", "me", "my" };
    private readonly EventFinder _finder;
    private readonly ActorCoder _actors;

    public EventStage(EventCodingOptions? options = null)
    {
        Options = options ?? EventCodingOptions.Default;
        var dictionaries = Options.Dictionaries;
        _finder = new EventFinder(EventLexicon.Default, dictionaries?.Verbs);
        _actors = dictionaries is null ? ActorCoder.Default : new ActorCoder(dictionaries.Actors, dictionaries.Agents);
    }

    public EventCodingOptions Options { get; }

    public string Name => "events";

    public void Process(Article article)
    {
        var tokens = article.Layers.Get<Token>(LanguageStage.Tokens);
        var sentences = article.Layers.Get<Sentence>(LanguageStage.Sentences);
        if (tokens is null || sentences is null) return; // the language stage did not run
        var trees = sentences.Select(s => new DependencyTree(article.Text, tokens, s)).ToList();
        var words = sentences.Select(s => Upper(article.Text, tokens, s)).ToList();
        var discards = Options.Dictionaries;
        if (discards is not null && words.Any(w => discards.DiscardsStory(w))) { article.Layers.Set<EventMention>(Layer, []); return; }

        var context = new ActorContext(article);
        var times = article.Layers.Get<TimeExpression>(TimeStage.Layer) ?? [];
        var places = article.Layers.Get<PlaceMention>(PlaceStage.Layer) ?? [];
        var quotes = article.Layers.Get<Quote>(QuoteStage.Layer) ?? [];
        var anchor = TimeStage.Anchor(article);
        var datelinePlace = DatelinePlace(article);
        var mentions = new List<EventMention>();
        for (int s = 0; s < trees.Count; s++)
        {
            if (discards is not null && discards.DiscardsSentence(words[s])) continue;
            var tree = trees[s];
            var sentence = sentences[s];
            foreach (var ev in _finder.Find(tree, words[s]))
            {
                if (ev.Plover is not { } type && Options.Dictionaries?.Verbs is null) continue;
                var (date, dateSource) = EventAnchoring.Date(tree, ev, times, anchor);
                var eventDate = EventAnchoring.ToDateOnly(date) ?? anchor;
                var sources = Actors(context, trees, tree, ev.Sources, eventDate, quotes, article.Text);
                var targets = Actors(context, trees, tree, ev.Targets, eventDate, quotes, article.Text);
                var (place, placeSource) = EventAnchoring.Place(tree, ev, places, sources.Concat(targets), datelinePlace);
                var flags = new SortedSet<string>(ev.Flags, StringComparer.Ordinal);
                // Without a publication or dateline date, "historical" is judged against the day the article is processed.
                if (dateSource == EventProvenance.Text && EventAnchoring.IsHistorical(date, anchor ?? DateOnly.FromDateTime(DateTime.UtcNow)))
                    flags.Add(EventFlags.Historical);
                var predicate = tree[ev.Predicate];
                string plover = ev.Plover?.ToString() ?? "";
                int quad = ev.Plover is { } t ? (int)CameoPloverTable.Quad(t) : 0;
                // Compound actors give one event per actor pair ("Hungarian and Romanian officials agreed").
                foreach (var source in sources.DefaultIfEmpty())
                foreach (var target in targets.DefaultIfEmpty())
                {
                    if (source is not null && target is not null && source.Start == target.Start) continue;
                    mentions.Add(new EventMention(predicate.Start, predicate.End, predicate.TextIn(article.Text), sentence.Start, sentence.End,
                        plover, ev.Mode, ev.Context, ev.Cameo, quad, source, target, date, dateSource, place, placeSource,
                        flags.ToList(), Math.Round(ev.Confidence * Coverage(source, target), 3)));
                }
            }
        }
        article.Layers.Set(Layer, InferConversationTargets(mentions));
    }

    /// <summary>
    /// "Bilawal's phone call with Blinken … Blinken offered his condolences": an act with no stated target, by one
    /// side of a conversation reported just before, is aimed at the other side.
    /// </summary>
    private static List<EventMention> InferConversationTargets(List<EventMention> mentions)
    {
        EventMention? conversation = null;
        int sentencesSince = 0, lastSentence = -1;
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.SentenceStart != lastSentence) { sentencesSince++; lastSentence = m.SentenceStart; }
            if (m.Plover == nameof(PloverType.CONSULT) && m.Source is not null && m.Target is not null) { conversation = m; sentencesSince = 0; continue; }
            if (conversation is null || sentencesSince > 2 || m.Target is not null || m.Source is not { } source) continue;
            var other = SameActor(source, conversation.Source!) ? conversation.Target : SameActor(source, conversation.Target!) ? conversation.Source : null;
            if (other is not null) mentions[k] = m with { Target = other, Confidence = Math.Round(m.Confidence * 0.8, 3) };
        }
        return mentions;
    }

    private static bool SameActor(EventActor a, EventActor b)
        => a.Entity is not null && a.Entity == b.Entity || a.Name is not null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static double Coverage(EventActor? source, EventActor? target)
        => (source?.Code is null ? 0.85 : 1.0) * (target is not null && target.Code is null ? 0.95 : 1.0);

    /// <summary>Codes each argument head; "we" inside a quotation stands for the quote's speaker.</summary>
    private List<EventActor> Actors(ActorContext context, List<DependencyTree> trees, DependencyTree tree, List<int> heads,
        DateOnly? date, IReadOnlyList<Quote> quotes, string text)
    {
        var actors = new List<EventActor>();
        foreach (int head in heads.Distinct())
        {
            EventActor? actor = null;
            if (FirstPerson.Contains(tree.TextOf(head)) && SpeakerHead(trees, quotes, tree[head].Start) is var (speakerTree, speaker) && speakerTree is not null)
            {
                var coded = _actors.Code(context, speakerTree, speaker, date);
                var span = tree[head];
                if (coded is not null) actor = coded with { Start = span.Start, End = span.End, Text = span.TextIn(text) };
            }
            actor ??= _actors.Code(context, tree, head, date);
            if (actor is not null) actors.Add(actor);
        }
        return actors;
    }

    /// <summary>The tree and token of the speaker of the quotation around a character offset, if any.</summary>
    private static (DependencyTree? Tree, int Token) SpeakerHead(List<DependencyTree> trees, IReadOnlyList<Quote> quotes, int offset)
    {
        var quote = quotes.FirstOrDefault(q => q.Start <= offset && offset < q.End && q.Speaker is not null);
        if (quote?.Speaker is not { } speaker) return (null, -1);
        foreach (var tree in trees)
        {
            if (tree.Count == 0 || tree[0].Start > speaker.Start || tree[tree.Count - 1].End < speaker.Start) continue;
            int first = -1;
            for (int i = 0; i < tree.Count; i++)
                if (tree[i].Start >= speaker.Start && tree[i].End <= speaker.End) { first = i; if (tree[i].Upos is "PROPN" or "NOUN" or "PRON") break; }
            if (first < 0) continue;
            // The head of the speaker phrase: climb while the head stays inside the phrase.
            int head = first;
            while (tree.Head(head) >= 0 && tree[tree.Head(head)].Start >= speaker.Start && tree[tree.Head(head)].End <= speaker.End) head = tree.Head(head);
            return (tree, head);
        }
        return (null, -1);
    }

    private static EventPlace? DatelinePlace(Article article)
    {
        if (article.Dateline is not { Place: { Length: > 0 } name } dateline) return null;
        var entry = PlaceGazetteer.Default.Lookup(name).OrderByDescending(e => e.IsCapital).ThenByDescending(e => e.Population).FirstOrDefault();
        if (entry is null) return null;
        int at = article.Text.IndexOf(name, dateline.Start, dateline.End - dateline.Start, StringComparison.OrdinalIgnoreCase);
        int start = at >= 0 ? at : dateline.Start, end = at >= 0 ? at + name.Length : dateline.End;
        return new EventPlace(start, end, article.Text[start..end], entry.GeonameId, entry.Name, entry.Country, entry.Admin1, entry.Lat, entry.Lon, entry.FeatureCode);
    }

    private static string[] Upper(string text, IReadOnlyList<Token> tokens, Sentence s)
    {
        var words = new string[s.TokenCount];
        for (int i = 0; i < words.Length; i++) words[i] = tokens[s.FirstToken + i].TextIn(text).ToUpperInvariant();
        return words;
    }
}
