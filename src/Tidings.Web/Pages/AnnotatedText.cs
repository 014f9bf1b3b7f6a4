using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>
/// The clean body with its annotations. Spans may overlap (a name inside a quote, a quote across sentences), so each
/// paragraph is cut at every span boundary and each piece carries the classes of all spans over it, plus the index of
/// its sentence (data-s) for highlighting a whole sentence. Every piece of text is HTML-escaped.
/// </summary>
public static class AnnotatedText
{
    private sealed record Mark(int Start, int End, string Class, string? Href = null, string? Title = null);

    public static void Render(Html h, Article a, (int Start, int End)? highlight)
    {
        var marks = Marks(a);
        var sentences = Layers.Sentences(a).Select(s => (s.Start, s.End)).ToList();
        if (sentences.Count == 0) sentences = Stories.StorySentences.Split(a).Select(s => (s.Start, s.End)).ToList();
        bool anchored = false;
        foreach (var p in a.Body)
        {
            var cuts = new SortedSet<int> { p.Start, p.End };
            foreach (var m in marks) { if (m.Start > p.Start && m.Start < p.End) cuts.Add(m.Start); if (m.End > p.Start && m.End < p.End) cuts.Add(m.End); }
            foreach (var s in sentences) { if (s.Start > p.Start && s.Start < p.End) cuts.Add(s.Start); if (s.End > p.Start && s.End < p.End) cuts.Add(s.End); }
            var points = cuts.ToList();
            h.Open("p");
            for (int i = 0; i + 1 < points.Count; i++)
            {
                int start = points[i], end = points[i + 1];
                int sentence = sentences.FindIndex(s => s.Start <= start && start < s.End);
                bool lit = highlight is { } hl && sentence >= 0 && sentences[sentence].Start < hl.End && hl.Start < sentences[sentence].End
                           || highlight is { } r && sentence < 0 && start < r.End && r.Start < end;
                var over = marks.Where(m => m.Start <= start && end <= m.End).ToList();
                var classes = over.Select(m => m.Class).Append(lit ? "hl" : null).OfType<string>().Distinct().ToList();
                var link = over.FirstOrDefault(m => m.Href is not null);
                string? id = lit && !anchored ? "hl" : null;
                anchored |= id is not null;
                h.Open(link is null ? "span" : "a", ("id", id), ("href", link?.Href), ("class", classes.Count > 0 ? string.Join(' ', classes) : null),
                    ("data-s", sentence >= 0 ? sentence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                    ("title", over.Select(m => m.Title).FirstOrDefault(t => t is not null)));
                h.Text(a.Text[start..end]);
                h.Close(link is null ? "span" : "a");
            }
            h.Close("p");
        }
    }

    private static List<Mark> Marks(Article a)
    {
        var marks = new List<Mark>();
        // The global entity of each mention (entity-refs, attached from the store) links to its page.
        var refs = (a.Layers.Get<EntityRef>(EntityLinker.RefsLayer) ?? []).ToDictionary(r => (r.Start, r.End), r => r.Entity);
        foreach (var e in Layers.Entities(a))
        {
            string type = e.Type.ToLowerInvariant();
            marks.Add(new Mark(e.Start, e.End, type is "loc" or "gpe" ? "ent place-name" : "ent ent-" + type,
                refs.TryGetValue((e.Start, e.End), out var id) ? PageEndpoints.EntityHref(id) : null, e.Type));
        }
        foreach (var q in Layers.Quotes(a))
        {
            if (q.Kind == "scare") continue;
            marks.Add(new Mark(q.Start, q.End, "quote quote-" + q.Kind, null, q.Speaker is { } s ? $"{q.Kind} quote by {s.Name}" : q.Kind + " quote"));
            if (q.Speaker is { } sp)
                marks.Add(new Mark(sp.Start, sp.End, "speaker", sp.Entity is { } id ? PageEndpoints.EntityHref(id) : null, "speaker: " + sp.Name));
        }
        foreach (var t in Layers.Times(a)) marks.Add(new Mark(t.Start, t.End, "time", null, $"{t.Type} {t.Value}"));
        foreach (var p in Layers.Places(a).Where(p => p.Latitude is not null && p.Start >= 0 && p.End > p.Start))
            marks.Add(new Mark(p.Start, p.End, "place-name", null, p.Latitude is { } lat ? $"{p.Name} ({lat:0.##}, {p.Longitude:0.##})" : p.Name));
        return marks.Where(m => m.Start >= 0 && m.End <= a.Text.Length && m.Start < m.End).ToList();
    }
}
