using Tidings.Documents;
using Tidings.Extract.Places;
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

        var context = new ActorContext(article, trees); // the coder reuses the trees built here
        var times = article.Layers.Get<TimeExpression>(TimeStage.Layer) ?? [];
        var places = article.Layers.Get<PlaceMention>(PlaceStage.Layer) ?? [];
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
                var sources = Prune(Actors(context, tree, ev.Sources, eventDate));
                var targets = Prune(Actors(context, tree, ev.Targets, eventDate));
                if (!targets.Any(a => a.Country is not null)) targets = FallbackTarget(context, tree, ev, eventDate, sources) ?? targets;
                // Nobody identifiable on either side ("in a way that protects our interests"): kept, as a weak record,
                // because the actor coder does not know every actor the parse finds.
                double identified = sources.Concat(targets).Any(Identified) ? 1.0 : 0.5;
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
                        flags.ToList(), Math.Round(ev.Confidence * identified * Coverage(source, target), 3)));
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
            if (conversation is null || sentencesSince > 2 || m.Target?.Country is not null || m.Source is not { } source) continue;
            var other = SameSide(source, conversation.Source!) ? conversation.Target : SameSide(source, conversation.Target!) ? conversation.Source : null;
            if (other is not null) mentions[k] = m with { Target = other, Confidence = Math.Round(m.Confidence * 0.8, 3) };
        }
        return mentions;
    }

    /// <summary>The same actor, or (in a two-party conversation) the same coded side: "Blinken" and "his American counterpart".</summary>
    private static bool SameSide(EventActor a, EventActor b) => SameActor(a, b) || a.Code is not null && a.Code == b.Code;

    private static bool SameActor(EventActor a, EventActor b)
        => a.Entity is not null && a.Entity == b.Entity || a.Name is not null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first fallback phrase that names a country's actor ("aid for Romania", "demanded that North Korea …").</summary>
    private List<EventActor>? FallbackTarget(ActorContext context, DependencyTree tree, EventCandidate ev, DateOnly? date, List<EventActor> sources)
    {
        foreach (int head in ev.TargetFallbacks)
        {
            var coded = Actors(context, tree, [head], date);
            // "offered his condolences", "work with our partners": the possessor is the source itself.
            if (coded.Count > 0 && coded[0].Country is not null && !sources.Any(s => SameActor(s, coded[0]))) return coded;
        }
        return null;
    }

    private static bool Identified(EventActor a) => a.Code is not null || a.Entity is not null || a.Name is not null;

    /// <summary>
    /// Of coordinated phrases, the ones that name an actor ("Israeli helicopters and tanks": the helicopters); when
    /// none does, the first alone (a misparsed coordination must not multiply the event).
    /// </summary>
    private static List<EventActor> Prune(List<EventActor> actors)
    {
        if (actors.Count <= 1) return actors;
        var identified = actors.Where(Identified).ToList();
        return identified.Count > 0 ? identified : [actors[0]];
    }

    private static double Coverage(EventActor? source, EventActor? target)
        => (source?.Code is null ? 0.85 : 1.0) * (target is not null && target.Code is null ? 0.95 : 1.0);

    /// <summary>Codes each argument head (the coder also reads "we" in a quotation as its speaker's side).</summary>
    private List<EventActor> Actors(ActorContext context, DependencyTree tree, List<int> heads, DateOnly? date)
    {
        var actors = new List<EventActor>();
        foreach (int head in heads.Distinct())
            if (_actors.Code(context, tree, head, date) is { } actor) actors.Add(actor);
        return actors;
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
