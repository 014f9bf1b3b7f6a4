using Tidings.Language;

namespace Tidings.Extract.Quotes;

/// <summary>
/// Finds who said what in one article: direct and partial quotations with the cue and speaker next to them,
/// reported speech around speech verbs ("X said (that) …", "…, X said.", ", he said,", "according to X"),
/// and speakers named consistently across the article. Works on the language layer's tokens and entities.
/// </summary>
public sealed class QuoteAttributor
{
    private const int MaxCueDistance = 25;
    private const int MinDirectWords = 4;

    private sealed record Cue(int Token, int Start, int End, (int First, int Last)? Speaker, (int Start, int End)? Parenthetical, int Sentence, bool Noun = false);

    public IReadOnlyList<Quote> Attribute(string text, IReadOnlyList<(int Start, int End)> paragraphs, IReadOnlyList<Token> tokens,
        IReadOnlyList<Sentence> sentences, IReadOnlyList<EntitySpan> entities)
    {
        var phrases = new SpeakerPhrases(text, tokens);
        var names = new SpeakerNames(text, tokens, entities);
        var quoted = QuotationFinder.Find(text, paragraphs);
        var sentenceOf = new int[tokens.Count];
        for (int s = 0; s < sentences.Count; s++)
            for (int t = sentences[s].FirstToken; t < sentences[s].FirstToken + sentences[s].TokenCount; t++) sentenceOf[t] = s;

        bool InsideQuote(int offset) => quoted.Any(q => offset >= q.Start && offset < q.End);
        bool InBody(int offset) => paragraphs.Any(p => offset >= p.Start && offset < p.End);
        var cues = new List<Cue>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (InsideQuote(tokens[i].Start) || !InBody(tokens[i].Start)) continue;
            int s = sentenceOf[i];
            int floor = sentences[s].FirstToken, ceiling = floor + sentences[s].TokenCount;
            if (AccordingTo(i) is { } according)
            {
                cues.Add(according);
                continue;
            }
            if (ClaimsBy(i) is { } claim)
            {
                cues.Add(claim);
                continue;
            }
            if (!IsCue(phrases, tokens, i, out int cueEnd)) continue;
            var speaker = phrases.Left(i, floor, out var parenthetical);
            if (speaker is null && (i == floor || phrases.Word(i - 1) is "," or "\"" or "”" or "'" or "’")) speaker = phrases.Right(cueEnd, ceiling);
            // "Price said … and describes …": a cue without its own subject shares the previous one's in the sentence.
            if (speaker is null && cues.Count > 0 && cues[^1].Sentence == s && cues[^1].Speaker is not null) speaker = cues[^1].Speaker;
            // The parse names a subject the phrase patterns did not reach ("Officials in the two capitals, who met on
            // Monday, said …").
            speaker ??= SyntacticSubject(tokens, i, floor, ceiling);
            if (speaker is null) continue;
            cues.Add(new Cue(i, tokens[i].Start, tokens[cueEnd].End, speaker, parenthetical, s));
        }

        // "according to officials, …" names the source after the cue; "Blinken, according to a statement, offered …"
        // names a channel there, and the speaker is the subject before it.
        Cue? AccordingTo(int i)
        {
            if (!phrases.Word(i).Equals("according", StringComparison.OrdinalIgnoreCase) || i + 1 >= tokens.Count || phrases.Word(i + 1) != "to") return null;
            int s = sentenceOf[i];
            int floor = sentences[s].FirstToken, ceiling = floor + sentences[s].TokenCount;
            var right = phrases.Right(i + 1, ceiling);
            if (right is not { } r) return null;
            bool channel = SpeechVerbs.Channels.Contains(tokens[r.Last].Lemma);
            if (!channel) return new Cue(i, tokens[i].Start, tokens[i + 1].End, right, null, s);
            var subject = i - 1 > floor && phrases.Word(i - 1) == "," ? phrases.Left(i - 1, floor, out _) : null;
            return subject is null ? null
                : new Cue(i, tokens[i].Start, tokens[r.Last].End, subject, (tokens[r.First].Start, tokens[r.Last].End), s);
        }

        // "claims by the ISI … that …": a speech noun whose source follows "by".
        Cue? ClaimsBy(int i)
        {
            if (!SpeechVerbs.Nouns.Contains(tokens[i].Lemma) || i + 1 >= tokens.Count || phrases.Word(i + 1) != "by") return null;
            int s = sentenceOf[i];
            int ceiling = sentences[s].FirstToken + sentences[s].TokenCount;
            var source = phrases.Right(i + 1, ceiling);
            return source is null ? null : new Cue(i, tokens[i].Start, tokens[i].End, source, null, s, Noun: true);
        }

        var results = new List<(Quote Quote, bool IsPerson)>();
        var earlier = new List<(int Offset, string Name, bool IsPerson)>();
        QuoteSpeaker? Speaker(Cue cue, out bool isPerson)
        {
            var (first, last) = cue.Speaker!.Value;
            int start = tokens[first].Start, end = tokens[last].End;
            var (name, person) = names.Resolve(start, end, earlier);
            isPerson = person;
            earlier.Add((start, name, person));
            return new QuoteSpeaker(start, end, text[start..end], name);
        }
        string? Channel(Cue cue) => cue.Parenthetical is { } p && SpeechVerbs.Channels.Any(c => text[p.Start..p.End].Contains(c, StringComparison.OrdinalIgnoreCase))
            ? text[p.Start..p.End] : null;

        // Direct and partial quotations.
        QuoteSpeaker? previousSpeaker = null;
        Cue? previousCue = null;
        int previousEnd = -1;
        var attributesQuote = new HashSet<int>(); // cues that attribute the quotation before them
        foreach (var found in quoted)
        {
            var q = found;
            int words = text[q.Start..q.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var cue = CueAfter(q);
            if (cue is not null) attributesQuote.Add(cue.Token);
            cue ??= CueBefore(q);
            // A full quotation opens a sentence with a capital; one after "that" or starting in lower case is part of
            // reported speech. Short ones count when a speech verb sits right beside them ("I would," she said).
            bool full = (words >= MinDirectWords || cue is not null) && StartsSentence(q) && !char.IsLower(text[q.Start]) && !AfterThat(q);
            string kind = full ? "direct" : "partial";
            QuoteSpeaker? speaker = null;
            bool isPerson = false;
            if (cue is null && !full && ContinuesPrevious(q))
            {
                // `"I would," Melanie said to the TV. "I would, Donald."`: a short quotation right after the cue clause
                // of the one before continues it.
                (cue, speaker, kind) = (previousCue, previousSpeaker, "direct");
            }
            else if (cue is not null) speaker = Speaker(cue, out isPerson);
            else if (!full)
            {
                kind = "scare"; // until reported speech around it claims it (below)
            }
            else
            {
                // A quotation standing alone takes the speaker of the next sentence's cue ("He pointed out…"),
                // or continues the speaker of the quotation just before it.
                var next = cues.FirstOrDefault(c => c.Start >= q.End && c.Start - q.End < 40 && !InsideQuote(c.Start));
                if (next is not null) { cue = next; speaker = Speaker(next, out isPerson); }
                else if (previousSpeaker is not null)
                {
                    // `"A," she said. "B."`: the second part continues the first, with its cue.
                    speaker = previousSpeaker;
                    cue = previousCue;
                }
            }
            // A transcript turn, "PENCE: Well, look, …", names its speaker in capitals before a colon.
            if (cue is null && SpeakerLabel(q) is { } label)
            {
                speaker = new QuoteSpeaker(q.Start, q.Start + label.Length, label, TitleCaseLabel(label));
                q = q with { Start = SkipSpaces(q.Start + label.Length + 1) };
                kind = "direct";
            }
            // A reader's comment or a pull quote signed after a dash: `"…" ― Sonya Herridge`.
            QuoteCue? dashCue = null;
            if (cue is null && DashSignature(q) is { } signed)
            {
                var (name, person) = names.Resolve(signed.NameStart, signed.NameEnd, earlier);
                earlier.Add((signed.NameStart, name, person));
                (speaker, isPerson, kind) = (new QuoteSpeaker(signed.NameStart, signed.NameEnd, text[signed.NameStart..signed.NameEnd], name), person, "direct");
                dashCue = new QuoteCue(signed.Dash, signed.Dash + 1, text[signed.Dash..(signed.Dash + 1)]);
            }
            var content = new Quote(q.Start, q.End, text[q.Start..q.End], kind, cue is null ? dashCue : new QuoteCue(cue.Start, cue.End, text[cue.Start..cue.End]),
                speaker, cue is null ? null : Channel(cue));
            results.Add((content, isPerson));
            if (speaker is not null && kind == "direct") (previousSpeaker, previousCue, previousEnd) = (speaker, cue, q.End);
        }

        // Reported speech around every cue whose content is not a quotation already attributed
        // (`"…," Price said.` reports the quotation; `He pointed out that …` reports its own content).
        foreach (var cue in cues)
        {
            // `"…," Price said in response to a question`: what follows such a cue is not speech, unless "that" opens it.
            if (attributesQuote.Contains(cue.Token) && !OpensContent(cue)) continue;
            var span = ReportedContent(cue);
            if (span is not { } c || c.End - c.Start < 12) continue;
            if (results.Any(r => r.Quote.Kind == "direct" && r.Quote.Start < c.End && c.Start < r.Quote.End)) continue;
            var speaker = Speaker(cue, out bool isPerson);
            results.Add((new Quote(c.Start, c.End, text[c.Start..c.End], "indirect", new QuoteCue(cue.Start, cue.End, text[cue.Start..cue.End]), speaker, Channel(cue)), isPerson));
            // Quoted fragments inside the reported content are this speaker's words.
            for (int k = 0; k < results.Count; k++)
            {
                var r = results[k].Quote;
                if (r.Kind is "scare" or "partial" && r.Speaker is null && r.Start >= c.Start && r.End <= c.End)
                    results[k] = (r with { Kind = "partial", Speaker = speaker, Cue = new QuoteCue(cue.Start, cue.End, text[cue.Start..cue.End]) }, isPerson);
            }
        }
        // A fragment no reported speech covered belongs to a cue in its sentence, if any; otherwise it is not speech.
        for (int k = 0; k < results.Count; k++)
        {
            var r = results[k].Quote;
            if (r.Kind != "scare") continue;
            var sentenceCue = cues.FirstOrDefault(c => c.Sentence == SentenceAt(r.Start));
            if (sentenceCue is null) continue;
            var speaker = Speaker(sentenceCue, out bool isPerson);
            results[k] = (r with { Kind = "partial", Speaker = speaker, Cue = new QuoteCue(sentenceCue.Start, sentenceCue.End, text[sentenceCue.Start..sentenceCue.End]) }, isPerson);
        }
        return results.Select(r => r.Quote).OrderBy(q => q.Start).ToList();

        int SentenceAt(int offset)
        {
            for (int s = 0; s < sentences.Count; s++) if (offset >= sentences[s].Start && offset < sentences[s].End) return s;
            return -1;
        }

        bool StartsSentence(QuotedSpan q)
        {
            int i = q.Open - 1;
            if (text[q.Open] == '\'' && i >= 0 && text[i] == '\'') i--; // ''doubled apostrophes''
            while (i >= 0 && text[i] is ' ' or '\t') i--;
            return i < 0 || text[i] is '\n' or '.' or ':' or '"' or '”' or '?' or '!' or ',' || char.IsUpper(text[q.Start]) && (i < 0 || text[i] is ':' or ',');
        }

        string? SpeakerLabel(QuotedSpan q)
        {
            var m = System.Text.RegularExpressions.Regex.Match(text[q.Start..Math.Min(q.End, q.Start + 40)], @"^([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):\s");
            return m.Success ? m.Groups[1].Value : null;
        }

        (int Dash, int NameStart, int NameEnd)? DashSignature(QuotedSpan q)
        {
            if (q.Close < 0) return null;
            int i = q.Close + 1;
            while (i < text.Length && text[i] is ' ' or '\u00a0') i++;
            if (i >= text.Length || text[i] is not ('―' or '—' or '–' or '-')) return null;
            int dash = i++;
            while (i < text.Length && text[i] is ' ' or '\u00a0') i++;
            int end = i;
            while (end < text.Length && text[end] is not ('\n' or ',' or '(' or '“' or '"')) end++;
            while (end > i && text[end - 1] is ' ' or '\u00a0' or '.') end--;
            var words = text[i..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool name = words.Length is >= 1 and <= 6 && char.IsUpper(words[0][0])
                && words.All(w => char.IsUpper(w[0]) || w is "de" or "van" or "von" or "al" or "bin" or "la" or "del");
            return name ? (dash, i, end) : null;
        }

        int SkipSpaces(int i)
        {
            while (i < text.Length && text[i] == ' ') i++;
            return i;
        }

        // The previous direct quotation's cue sits between it and this one, in the same paragraph, and nothing but
        // the cue clause and a comma or full stop comes between: `"A," X said (to Y), "B"`.
        bool ContinuesPrevious(QuotedSpan q)
        {
            if (previousCue is null || previousEnd < 0 || previousCue.Start < previousEnd || previousCue.End > q.Open) return false;
            if (!char.IsUpper(text[q.Start]) || text.IndexOf('\n', previousEnd, q.Open - previousEnd) >= 0) return false;
            var between = text[previousCue.End..q.Open].TrimEnd();
            return between.Length < 80 && (between.EndsWith(',') || between.EndsWith('.')) && between[..^1].IndexOfAny(['.', '?', '!', ';', '"', '“', '”']) < 0;
        }

        bool AfterThat(QuotedSpan q)
        {
            var before = text[Math.Max(0, q.Open - 8)..q.Open].TrimEnd(' ', ',');
            return before.EndsWith(" that", StringComparison.OrdinalIgnoreCase);
        }

        Cue? CueAfter(QuotedSpan q)
        {
            if (q.Close < 0) return null;
            return cues.FirstOrDefault(c => c.Start > q.Close && c.Start - q.Close < 60 && !quoted.Any(o => o.Open > q.Close && o.Open < c.Start)
                && text.IndexOfAny(['.', '\n'], q.Close + 1, c.Start - q.Close - 1) < 0 && IsAdjacentAfter(q, c));
        }

        bool IsAdjacentAfter(QuotedSpan q, Cue c)
        {
            // Between the closing mark and the cue: a comma and the speaker only ("," Price added / ," said Price).
            var between = text[(q.Close + 1)..c.Start];
            return between.Count(ch => ch == ',') <= 1 && between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;
        }

        Cue? CueBefore(QuotedSpan q)
        {
            var before = cues.LastOrDefault(c => c.End <= q.Open && q.Open - c.End < 80 && text.IndexOf('\n', c.End, q.Open - c.End) < 0);
            if (before is null) return null;
            var between = text[before.End..q.Open].Trim();
            // "said:", "said that", "said,", "added, "
            return between.Length == 0 || between is ":" or "," or "that" or ", that" || between.EndsWith(':') && between.Length < 60 ? before : null;
        }

        (int Start, int End)? ReportedContent(Cue cue)
        {
            var sentence = sentences[cue.Sentence];
            int sStart = sentence.Start, sEnd = TrimEnd(sentence.End);
            var (first, last) = cue.Speaker!.Value;
            int speakerStart = tokens[first].Start, speakerEnd = tokens[last].End;
            if (cue.Noun)
            {
                // "claims by X (…) that CONTENT"
                int that = text.IndexOf(" that ", speakerEnd, Math.Max(0, sEnd - speakerEnd), StringComparison.Ordinal);
                return that > 0 ? (that + 6, sEnd) : null;
            }
            if (speakerStart > cue.Start || speakerEnd <= cue.Start && IsSentenceFinal(cue))
            {
                // "…, X said." / "…," said X.: the content is what comes before.
                int stop = Math.Min(speakerStart, cue.Start);
                int comma = text.LastIndexOf(',', Math.Max(sStart, stop - 1), Math.Max(0, stop - sStart));
                return comma > sStart ? (sStart, TrimEnd(comma)) : null;
            }
            if (cue.Parenthetical is null && speakerStart > sStart && text[sStart..speakerStart].TrimEnd().EndsWith(','))
                return (sStart, sEnd); // "The Taliban, he said, was …": the whole sentence around the parenthetical
            int from = cue.End;
            // Skip "that", ":", a particle, or the addressee of "told".
            int t = cue.Token + 1;
            while (t < tokens.Count && tokens[t].Start < sEnd && (phrases.Word(t) is "that" or ":" or "," or "out" || tokens[t].Start < cue.End)) t++;
            if (phrases.Word(cue.Token).StartsWith("told", StringComparison.OrdinalIgnoreCase))
                while (t < tokens.Count && tokens[t].Upos is "PROPN" or "PRON" or "DET" or "NOUN") t++;
            if (t < tokens.Count && phrases.Word(t) == "that") t++;
            if (t >= tokens.Count || tokens[t].Start >= sEnd) return null;
            from = tokens[t].Start;
            return (from, sEnd);
        }

        bool OpensContent(Cue cue)
        {
            var after = text[cue.End..Math.Min(text.Length, cue.End + 7)].TrimStart();
            return after.StartsWith("that ", StringComparison.Ordinal) || after.StartsWith(':');
        }

        bool IsSentenceFinal(Cue cue)
        {
            var after = text[cue.End..TrimEnd(sentences[cue.Sentence].End)].Trim();
            return after.Length == 0 || after.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && !after.Contains("that");
        }

        int TrimEnd(int end)
        {
            while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '"' or '”' or '’')) end--;
            return end;
        }
    }

    /// <summary>The span of the nominal subject of the cue verb at <paramref name="cue"/>, from the dependency parse, if any.</summary>
    private static (int First, int Last)? SyntacticSubject(IReadOnlyList<Token> tokens, int cue, int floor, int ceiling)
    {
        int subject = -1;
        for (int k = floor; k < ceiling && subject < 0; k++)
            if (tokens[k].Head == cue - floor + 1 && tokens[k].Deprel is "nsubj") subject = k;
        if (subject < 0 || tokens[subject].Upos is "PRON" && tokens[subject].Lemma is "it" or "that" or "this" or "which" or "who") return null;
        int first = subject, last = subject;
        for (int k = floor; k < ceiling; k++)
        {
            // k is in the subject's subtree when its chain of heads reaches the subject.
            int h = k, steps = 0;
            while (h != subject && h >= floor && tokens[h].Head > 0 && steps++ < ceiling - floor) h = floor + tokens[h].Head - 1;
            if (h != subject) continue;
            first = Math.Min(first, k);
            last = Math.Max(last, k);
        }
        return last - first < 12 && last < cue ? (first, last) : null;
    }

    private static string TitleCaseLabel(string label) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant());

    /// <summary>A speech verb, with its particle where it needs one ("point out"). "according to" and speech nouns are found apart.</summary>
    private static bool IsCue(SpeakerPhrases phrases, IReadOnlyList<Token> tokens, int i, out int end)
    {
        end = i;
        var t = tokens[i];
        if (t.Upos != "VERB" || !SpeechVerbs.Verbs.Contains(t.Lemma)) return false;
        if (SpeechVerbs.Particles.TryGetValue(t.Lemma, out var particle))
        {
            for (int k = i + 1; k < Math.Min(tokens.Count, i + 3); k++)
                if (phrases.Word(k).Equals(particle, StringComparison.OrdinalIgnoreCase)) { end = k; return true; }
            return false;
        }
        return true;
    }
}
